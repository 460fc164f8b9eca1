package io.contactledger.query.it;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of a {@code text/event-stream}, as a browser's fetch reads it: each event (and each
 * comment line) is queued with the moment it arrived.
 */
final class EventStreamReader implements AutoCloseable {

    /** An event as it arrived; {@code name} "comment" for a comment line. */
    record Event(String name, String id, String data, long arrivedNanos) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(data);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private EventStreamReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        this.reader.setDaemon(true);
        if (response.statusCode() == 200) {
            this.reader.start();
        }
    }

    static EventStreamReader open(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new EventStreamReader(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    String body() throws Exception {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            String id = null;
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, String.join("\n", data), System.nanoTime()));
                    }
                    name = "message";
                    id = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    events.add(new Event("comment", null, line.substring(1), System.nanoTime()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (Exception e) {
            // closed by the test
        }
    }

    /** The next event named {@code name} (others are skipped), or an assertion error after {@code timeout}. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + name + "' event within " + timeout);
            }
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Every event that arrives within {@code window}. */
    List<Event> drain(Duration window) throws InterruptedException {
        List<Event> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        Event event;
        while ((event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            all.add(event);
        }
        return all;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (Exception e) {
            // already closed
        }
        reader.interrupt();
    }
}
