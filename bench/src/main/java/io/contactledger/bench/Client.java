package io.contactledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal HTTP client holding one API key. */
public final class Client {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;

    Client(String base, String key) {
        this.base = base;
        this.key = key;
    }

    record Reply(int status, String body) {
    }

    Reply send(String method, String path, String json) {
        return send(method, path, json, new String[0]);
    }

    /** With extra headers, as name, value pairs. */
    Reply send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    /** A POST of {@code body} as {@code contentType} (an upload). */
    Reply upload(String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    /** Reads a streamed answer to its end without keeping it: its status and how many lines it had. */
    long[] streamedLines(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + key).GET().build();
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.io.InputStream in = response.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[] {response.statusCode(), lines};
    }

    /**
     * A GET on a plain blocking connection, kept alive, its answer read and dropped: for the reads
     * beside a rebuild, where the harness shares the two cores with what it measures. The JDK's
     * HttpClient hands each request between its selector and worker threads; with it the agent's
     * reads took about a tenth of the machine during a build (per-thread CPU).
     */
    int read(String path) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            if (key != null) {
                connection.setRequestProperty("Authorization", "Bearer " + key);
            }
            int status = connection.getResponseCode();
            // read to the end and closed, so the connection goes back to be kept alive
            try (java.io.InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    int statusOf(String method, String path, String json) {
        return send(method, path, json).status();
    }
}
