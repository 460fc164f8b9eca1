package io.contactledger.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generated bad input against one running side: random bytes and percent-escapes in paths and
 * query strings, random headers, random and truncated bodies, every content type, sent over a raw
 * socket. Every answer must be below 500, every error one problem+json with type, title, status,
 * detail and instance, and a refused request must leave the database as it was.
 */
public final class BadRequestFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"};
    private static final String[] ESCAPES = {"%00", "%2F", "%2f", "%FF", "%FE", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%zz",
            "%", "%2", "%25", "%0A", "%0D", "%7F", "%C3%A9", "%F0%9F%98%80", "%E2%80%AE", "..%2F", "%5C", "%3B"};
    private static final String[] PIECES = {";", "//", "..", ".", "~", "*", "@", "!", "$", "'", "(", ")", "+", ",", "=",
            ":", "\\", "|", "^", "`", "{", "}", "[", "]", "<", ">", "\"", " ", "#", "?", "&"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=UTF-8",
            "application/json; charset=latin1", "application/json; charset=nonsense", "text/plain", "text/csv",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "*/*",
            "application/problem+json", "application/x-ndjson", ";;;", "", "application/json\u0001"};
    private static final String[] QUERY_KEYS = {"limit", "cursor", "q", "tag", "type", "minVersion", "asOf", "atVersion",
            "format", "after", "wait", "x", "", "%FF", "limit[]"};

    private final RawHttp http;
    private final List<String> paths;
    private final List<String> bodies;
    private final List<String> keys;
    private final LongSupplier databaseState;
    private final Random random;

    /**
     * @param paths real paths of the side (with ids that exist), mutated by the fuzzer
     * @param bodies bodies valid somewhere, truncated and mutated by the fuzzer
     * @param keys API keys to present (of this workspace, of another, an operator's)
     * @param databaseState a number that changes whenever the side records anything
     */
    public BadRequestFuzz(RawHttp http, List<String> paths, List<String> bodies, List<String> keys,
            LongSupplier databaseState, long seed) {
        this.http = http;
        this.paths = paths;
        this.bodies = bodies;
        this.keys = keys;
        this.databaseState = databaseState;
        this.random = new Random(seed);
    }

    /** What the run saw: answers per status and every rule the service broke. */
    public record Outcome(Map<Integer, Integer> byStatus, List<String> violations) {
        public int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Outcome run(int requests) throws IOException {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String method = pick(METHODS);
            byte[] target = target();
            Map<String, byte[]> headers = headers();
            byte[] body = random.nextInt(3) == 0 ? null : body();
            long before = databaseState.getAsLong();
            RawHttp.Response response;
            try {
                response = http.send(concat(method + " ", target, " HTTP/1.1"), headers, body);
            } catch (IOException e) {
                violations.add(describe(method, target) + ": no answer (" + e.getMessage() + ")");
                continue;
            }
            byStatus.merge(response.status(), 1, Integer::sum);
            String problem = check(method, response);
            if (problem != null) {
                violations.add(describe(method, target) + " -> " + response.status() + ": " + problem);
            } else if (response.status() >= 400 && databaseState.getAsLong() != before) {
                violations.add(describe(method, target) + " -> " + response.status() + ": refused but the database changed");
            }
            if (violations.size() > 20) {
                break;
            }
        }
        return new Outcome(byStatus, violations);
    }

    private static String check(String method, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "a server error: " + abbreviate(response.text());
        }
        if (response.status() < 400 || method.equals("HEAD")) {
            return null;
        }
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type + ": " + abbreviate(response.text());
        }
        if (type.contains("charset") && !type.toUpperCase().contains("UTF-8")) {
            return "content type " + type;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            for (String member : List.of("type", "title", "status", "detail", "instance")) {
                if (!problem.hasNonNull(member)) {
                    return "no " + member + " in " + abbreviate(response.text());
                }
            }
            if (problem.get("status").asInt() != response.status()) {
                return "status member " + problem.get("status") + " differs";
            }
        } catch (IOException e) {
            return "not JSON: " + abbreviate(response.text());
        }
        return null;
    }

    private byte[] target() {
        StringBuilder path = new StringBuilder(pick(paths));
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(path.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> path.insert(at, pick(ESCAPES));
                case 1 -> path.insert(at, pick(PIECES));
                case 2 -> path.insert(at, "%" + String.format("%02X", random.nextInt(256)));
                case 3 -> path.insert(at, "x".repeat(random.nextInt(3) == 0 ? 9_000 : 70));
                default -> path.insert(at, (char) (0x80 + random.nextInt(0x780)));
            }
        }
        if (random.nextBoolean()) {
            path.append('?').append(query());
        }
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private String query() {
        StringBuilder query = new StringBuilder();
        int pairs = 1 + random.nextInt(3);
        for (int p = 0; p < pairs; p++) {
            if (p > 0) {
                query.append('&');
            }
            query.append(pick(QUERY_KEYS)).append('=').append(switch (random.nextInt(8)) {
                case 0 -> Integer.toString(random.nextInt(2_000) - 500);
                case 1 -> "0x10";
                case 2 -> "99999999999999999999999";
                case 3 -> pick(ESCAPES);
                case 4 -> "2026-11-23T10:00:00Z";
                case 5 -> "GUEST";
                case 6 -> "%20%20";
                default -> "a" + pick(ESCAPES) + "b";
            });
        }
        return query.toString();
    }

    private Map<String, byte[]> headers() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        int key = random.nextInt(keys.size() + 2);
        if (key < keys.size()) {
            headers.put("Authorization", ("Bearer " + keys.get(key)).getBytes(StandardCharsets.US_ASCII));
        } else if (key == keys.size()) {
            headers.put("Authorization", randomBytes(1 + random.nextInt(40), random.nextBoolean()));
        }
        if (random.nextInt(4) != 0) {
            headers.put("Content-Type", pick(CONTENT_TYPES).getBytes(StandardCharsets.ISO_8859_1));
        }
        if (random.nextInt(3) == 0) {
            headers.put("Idempotency-Key", randomBytes(random.nextInt(300), random.nextBoolean()));
        }
        if (random.nextInt(3) == 0) {
            headers.put("X-Correlation-Id", randomBytes(random.nextInt(150), random.nextBoolean()));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Visitor-Token", randomBytes(random.nextInt(100), random.nextBoolean()));
        }
        if (random.nextInt(5) == 0) {
            headers.put("Accept", pick(new String[] {"text/html", "application/xml", "*/*", "application/x-ndjson",
                    "text/event-stream", "image/png"}).getBytes(StandardCharsets.US_ASCII));
        }
        if (random.nextInt(8) == 0) {
            headers.put("X-Fuzz", randomBytes(1 + random.nextInt(60), false));
        }
        return headers;
    }

    private byte[] body() {
        String valid = pick(bodies);
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length() + 1)).getBytes(StandardCharsets.UTF_8);
            case 1 -> randomBytes(random.nextInt(200), false);
            case 2 -> valid.replaceFirst(":\"", ":\"\\\\ud800").getBytes(StandardCharsets.UTF_8);
            case 3 -> valid.replaceFirst("\\{", "{\"tag\":\"a\",\"tag\":\"b\",").getBytes(StandardCharsets.UTF_8);
            case 4 -> valid.replaceFirst(":\"", ":\"\\\\u0000").getBytes(StandardCharsets.UTF_8);
            case 5 -> valid.replaceFirst(":\"", ":\"\u202E").getBytes(StandardCharsets.UTF_8);
            case 6 -> new byte[] {(byte) 0xC0, (byte) 0xAF, '{', '}'};
            default -> valid.getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] randomBytes(int length, boolean printable) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (printable ? 0x21 + random.nextInt(0x5e) : random.nextInt(256));
            if (!printable && (bytes[i] == '\r' || bytes[i] == '\n')) {
                bytes[i] = 'x'; // a line break would end the header, not test its value
            }
        }
        return bytes;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] concat(String before, byte[] middle, String after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(before.getBytes(StandardCharsets.US_ASCII));
        out.write(middle);
        out.write(after.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String describe(String method, byte[] target) {
        String text = new String(target, StandardCharsets.ISO_8859_1);
        return method + " " + abbreviate(text);
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
