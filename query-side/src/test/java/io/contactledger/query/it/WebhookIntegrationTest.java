package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhooks (DESIGN §10) against receivers on this machine (private addresses allowed here, and
 * retries in milliseconds): deliveries are signed as the README says, ordered per contact, retried
 * until a recovering receiver takes them, parked past their window and sent again on request; a
 * receiver that hangs holds up no other subscription.
 */
@TestPropertySource(properties = {"ledger.webhooks.allow-private=true", "ledger.webhooks.first-retry=200ms",
        "ledger.webhooks.max-retry-interval=400ms", "ledger.webhooks.retry-window=3s", "ledger.webhooks.poll-interval-ms=100",
        "ledger.webhooks.timeout=1s", "ledger.webhooks.lease=3s"})
class WebhookIntegrationTest extends BothSidesTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A receiver that answers with {@code status} (or hangs) and keeps what it was sent. */
    static final class Receiver implements AutoCloseable {
        record Received(String deliveryId, String signature, String body) {
        }

        final HttpServer server;
        final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        final AtomicInteger answer = new AtomicInteger(200);
        volatile boolean hang;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (hang) {
                    sleep(5_000);
                }
                int status = answer.get();
                if (status == 200) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("Ledger-Delivery-Id"),
                            exchange.getRequestHeaders().getFirst("Ledger-Signature"), body));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<JsonNode> events() {
            return received.stream().map(r -> {
                try {
                    return JSON.readTree(r.body());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    Http admin;
    final List<Receiver> receivers = new ArrayList<>();

    @BeforeEach
    void adminReads() {
        admin = anonymousQueries.with(TestKeys.bearer("admin", "demo"));
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver() throws IOException {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    private String subscribe(String name, String url, String types) {
        Http.Response saved = admin.put(WS + "/webhooks/" + name, "{\"url\":\"" + url + "\",\"eventTypes\":" + types + "}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().path("secret").asText(null);
    }

    @Test
    void deliveriesAreSignedOrderedPerContactAndAHangingReceiverHoldsUpNoOtherSubscription() throws Exception {
        // given one subscription to a receiver that works and one to a receiver that hangs
        Receiver working = receiver();
        Receiver hanging = receiver();
        hanging.hang = true;
        String secret = subscribe("crm", working.url(), "[\"*\"]");
        subscribe("slow", hanging.url(), "[\"TagAdded\"]");
        assertThat(secret).startsWith("whsec_");

        // when several contacts change at once
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String id = "hook-" + c;
            writers.add(CompletableFuture.runAsync(() -> {
                version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"));
                for (int i = 0; i < 6; i++) {
                    version(commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"t" + i + "\"}"));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

        // then the working receiver gets every event, each signed with the secret, in order per contact
        eventually(Duration.ofSeconds(20), () -> working.received.stream().filter(r -> r.body().contains("hook-")).count() >= 28,
                "28 deliveries at the working receiver");
        Map<String, Long> lastVersion = new HashMap<>();
        for (Receiver.Received delivery : working.received) {
            String[] parts = delivery.signature().split(",");
            long t = Long.parseLong(parts[0].substring(2));
            assertThat(parts[1]).isEqualTo("v1=" + hmac(secret, t + "." + delivery.body()));
            assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(60);
            JsonNode event = JSON.readTree(delivery.body());
            String contact = event.get("contactId").asText();
            long version = event.get("version").asLong();
            assertThat(version).as("%s after %s", contact, lastVersion.get(contact)).isGreaterThan(lastVersion.getOrDefault(contact, -1L));
            lastVersion.put(contact, version);
        }
        assertThat(working.received.stream().map(Receiver.Received::deliveryId).distinct().count()).isEqualTo(working.received.size());
        assertThat(lastVersion.values()).containsOnly(6L);
    }

    @Test
    void aReceiverDownForAWhileGetsEverythingAndOneDownPastTheWindowLeavesParkedDeliveriesThatRedeliver() throws Exception {
        // given a receiver that fails for a second, and one that fails for longer than the retry window
        Receiver recovering = receiver();
        Receiver down = receiver();
        recovering.answer.set(500);
        down.answer.set(503);
        subscribe("recovering", recovering.url(), "[\"ContactCreated\",\"DetailsLeft\"]");
        subscribe("down", down.url(), "[\"ContactCreated\"]");
        version(commands.post(WS + "/contacts", "{\"contactId\":\"retry-1\"}"));
        version(commands.post(WS + "/contacts/retry-1/details", "{\"name\":\"Retry Me\"}"));
        version(commands.post(WS + "/contacts/retry-1/tags", "{\"tag\":\"not-subscribed\"}"));

        // when the first recovers after a second
        Thread.sleep(1_000);
        recovering.answer.set(200);

        // then it gets both subscribed events, in order, and nothing else
        eventually(Duration.ofSeconds(10), () -> recovering.received.size() >= 2, "the recovered receiver's deliveries");
        assertThat(recovering.events()).extracting(e -> e.get("type").asText()).containsExactly("ContactCreated", "DetailsLeft");
        JsonNode delivered = admin.get(WS + "/webhooks/recovering/deliveries?status=delivered").json().get("deliveries");
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0).get("attempts").asInt()).isGreaterThan(1);

        // and the other's delivery is parked once its window is over, listed, and sent again on request
        eventually(Duration.ofSeconds(15), () -> admin.get(WS + "/webhooks/down/deliveries?status=failed").json()
                .get("deliveries").size() == 1, "the delivery to be parked");
        JsonNode parked = admin.get(WS + "/webhooks/down/deliveries?status=failed").json().get("deliveries").get(0);
        assertThat(parked.get("lastStatus").asInt()).isEqualTo(503);
        assertThat(down.received).isEmpty();
        down.answer.set(200);
        Http.Response redeliver = admin.post(WS + "/webhooks/down/deliveries/" + parked.get("deliveryId").asText() + "/redeliver", null);
        assertThat(redeliver.status()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> down.received.size() == 1, "the redelivery");
        assertThat(down.received.peek().deliveryId()).isEqualTo(parked.get("deliveryId").asText());
    }

    @Test
    void badSubscriptionsAre400TheSecretIsShownOnceAndOnlyAdminsManageWebhooks() throws Exception {
        Receiver receiver = receiver();
        for (String body : List.of("{\"url\":\"ftp://x.org/\",\"eventTypes\":[\"*\"]}", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[]}",
                "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"ContactDeleted\"]}", "{\"eventTypes\":[\"*\"]}",
                "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"*\"],\"surprise\":1}")) {
            Http.Response refused = admin.put(WS + "/webhooks/named", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(admin.put(WS + "/webhooks/Bad%20Name", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"*\"]}").status()).isEqualTo(400);

        String secret = subscribe("once", receiver.url(), "[\"*\"]");
        Http.Response again = admin.put(WS + "/webhooks/once", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"TagAdded\"],\"enabled\":false}");
        assertThat(secret).isNotBlank();
        assertThat(again.json().has("secret")).as("the secret is shown only when created").isFalse();
        assertThat(again.json().get("enabled").asBoolean()).isFalse();
        assertThat(admin.get(WS + "/webhooks").json().toString()).doesNotContain(secret);
        assertThat(queries.get(WS + "/webhooks").status()).as("an agent").isEqualTo(403);
        assertThat(anonymousQueries.with(TestKeys.bearer("integration", "demo")).put(WS + "/webhooks/x",
                "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"*\"]}").status()).as("an integration").isEqualTo(403);
        assertThat(admin.post(WS + "/webhooks/once/deliveries/nope/redeliver", null).status()).isEqualTo(404);
        assertThat(admin.delete(WS + "/webhooks/once").status()).isEqualTo(200);
        assertThat(admin.delete(WS + "/webhooks/once").status()).isEqualTo(404);
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
