package io.contactledger.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: any bytes in the
 * request line and headers. One connection per request ({@code Connection: close}).
 */
public final class RawHttp {

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends the request head as given (CRLF line ends added), then the body. */
    public Response send(byte[] requestLine, Map<String, byte[]> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(requestLine);
            head.write("\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> header : headers.entrySet()) {
                head.write(header.getKey().getBytes(StandardCharsets.ISO_8859_1));
                head.write(": ".getBytes(StandardCharsets.US_ASCII));
                head.write(header.getValue());
                head.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (body != null) {
                head.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed before reading everything (a request line or
                // headers over its limit): its answer is still there to read
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        if (!new String(all, 0, Math.min(all.length, 5), StandardCharsets.ISO_8859_1).equals("HTTP/")) {
            // a request line without a version is HTTP/0.9, whose answer is a body without a head
            int status = 0;
            try {
                status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(all).path("status").asInt();
            } catch (IOException notJson) {
                // status stays unknown
            }
            if (status == 0) {
                throw new IOException("no response head: " + new String(all, StandardCharsets.ISO_8859_1));
            }
            return new Response(status, Map.of("content-type", "application/problem+json"), all);
        }
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete response head: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            at += lineEnd + 2;
            out.write(chunked, at, Math.min(length, chunked.length - at));
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
