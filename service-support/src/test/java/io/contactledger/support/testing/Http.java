package io.contactledger.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON-over-HTTP client for tests that talk to a running application for real. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String[] defaultHeaders;
    private final Observer observer;

    /** Sees every exchange, e.g. to check it against the OpenAPI document; throws to fail the test. */
    public interface Observer {
        void exchanged(String method, String path, String requestContentType, String requestBody, Response response);
    }

    public Http(String base) {
        this(base, new String[0], null);
    }

    private Http(String base, String[] defaultHeaders, Observer observer) {
        this.base = base;
        this.defaultHeaders = defaultHeaders;
        this.observer = observer;
    }

    /** A client sending these headers (name, value pairs) with every request, e.g. an API key. */
    public Http with(String... headers) {
        return new Http(base, headers, observer);
    }

    /** A client whose every exchange {@code observer} sees. */
    public Http observedBy(Observer observer) {
        return new Http(base, defaultHeaders, observer);
    }

    public String base() {
        return base;
    }

    public record Response(int status, String contentType, String text, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, "application/json", headers);
    }

    public Response post(String path, String json, String... headers) {
        return send("POST", path, json, "application/json", headers);
    }

    public Response put(String path, String json, String... headers) {
        return send("PUT", path, json, "application/json", headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, "application/json", headers);
    }

    /** Any method, body and content type; {@code headers} are name, value pairs. */
    public Response send(String method, String path, String body, String contentType, String... headers) {
        return send(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), body,
                contentType, headers);
    }

    /** Raw bytes as the body (any encoding, or none). */
    public Response sendBytes(String method, String path, byte[] body, String contentType, String... headers) {
        return send(method, path, body, body == null ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8),
                contentType, headers);
    }

    private Response send(String method, String path, byte[] bytes, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (String[] set : new String[][] {defaultHeaders, headers}) {
            for (int i = 0; i + 1 < set.length; i += 2) {
                request.setHeader(set[i], set[i + 1]);
            }
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
            if (observer != null) {
                observer.exchanged(method, path, body == null ? null : contentType, body, answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
