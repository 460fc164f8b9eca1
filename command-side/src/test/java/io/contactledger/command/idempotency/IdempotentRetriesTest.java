package io.contactledger.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.contactledger.command.testing.CommandInstances;
import io.contactledger.support.idempotency.IdempotencyPurge;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §7: a request repeated under the same Idempotency-Key gets the first answer again and
 * changes nothing, on whichever instance it lands; the key cannot be reused for another request.
 */
class IdempotentRetriesTest {

    private static final String WS = "/api/v1/workspaces/demo/contacts";
    private static final String KEY = "Idempotency-Key";
    private static CommandInstances instances;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void twoInstances() {
        instances = CommandInstances.start(2, TestDatabase.create("idempotency"));
        a = instances.client(0, "integration", "demo");
        b = instances.client(1, "integration", "demo");
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static void created(String contactId) {
        assertThat(a.post(WS, "{\"contactId\":\"" + contactId + "\"}").status()).isEqualTo(201);
    }

    private long rows(String sql) {
        return instances.jdbc().sql(sql).query(Long.class).single();
    }

    @Test
    void aRepeatedNoteOnEitherInstanceIsWrittenOnceAndAnsweredTheSame() {
        created("retried");

        Http.Response first = a.post(WS + "/retried/notes", "{\"text\":\"hello\"}", KEY, "note-1");
        Http.Response again = a.post(WS + "/retried/notes", "{\"text\":\"hello\"}", KEY, "note-1");
        Http.Response elsewhere = b.post(WS + "/retried/notes", "{\"text\":\"hello\"}", KEY, "note-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        for (Http.Response repeat : List.of(again, elsewhere)) {
            assertThat(repeat.status()).isEqualTo(201);
            assertThat(repeat.text()).isEqualTo(first.text());
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.contentType()).startsWith("application/json");
        }
        assertThat(instances.eventTypes("demo", "retried")).containsExactly("ContactCreated", "NoteWritten");
    }

    @Test
    void theSameKeyForAnotherBodyOrPathIsRefusedAndChangesNothing() {
        created("reused");
        assertThat(a.post(WS + "/reused/tags", "{\"tag\":\"vip\"}", KEY, "k-reused").status()).isEqualTo(200);

        Http.Response otherBody = b.post(WS + "/reused/tags", "{\"tag\":\"gold\"}", KEY, "k-reused");
        Http.Response otherPath = a.delete(WS + "/reused/tags/vip", KEY, "k-reused");

        for (Http.Response refused : List.of(otherBody, otherPath)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("status").asInt()).isEqualTo(422);
        }
        assertThat(instances.eventTypes("demo", "reused")).containsExactly("ContactCreated", "TagAdded");
    }

    @Test
    void aRefusalIsKeptAsTheAnswerToo() {
        created("refused");

        Http.Response first = a.delete(WS + "/refused/notes/no-such-note", KEY, "k-404");
        Http.Response again = b.delete(WS + "/refused/notes/no-such-note", KEY, "k-404");

        assertThat(first.status()).isEqualTo(404);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void keysArePerApiKeyName() {
        created("two-callers");
        Http agent = instances.client(1, "agent", "demo");

        a.post(WS + "/two-callers/notes", "{\"text\":\"from the integration\"}", KEY, "shared");
        Http.Response agents = agent.post(WS + "/two-callers/notes", "{\"text\":\"from the agent\"}", KEY, "shared");

        assertThat(agents.status()).isEqualTo(201);
        assertThat(agents.header("Idempotent-Replayed")).isNull();
        assertThat(instances.eventTypes("demo", "two-callers")).containsExactly("ContactCreated", "NoteWritten", "NoteWritten");
    }

    @Test
    void aMalformedKeyIsABadRequestThatChangesNothing() {
        created("bad-key");
        long before = rows("SELECT COUNT(*) FROM idempotent_request");

        Http.Response tooLong = a.post(WS + "/bad-key/tags", "{\"tag\":\"vip\"}", KEY, "k".repeat(256));
        Http.Response control = a.post(WS + "/bad-key/tags", "{\"tag\":\"vip\"}", KEY, "tab\there");

        for (Http.Response refused : List.of(tooLong, control)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo(KEY);
        }
        assertThat(a.post(WS + "/bad-key/tags", "{\"tag\":\"vip\"}", KEY, "k".repeat(255)).status()).isEqualTo(200);
        assertThat(instances.eventTypes("demo", "bad-key")).containsExactly("ContactCreated", "TagAdded");
        assertThat(rows("SELECT COUNT(*) FROM idempotent_request")).isEqualTo(before + 1);
    }

    @Test
    void concurrentRepeatsRecordOneNoteAndEachGetsTheAnswerOrARetryLater() throws Exception {
        created("stampede");
        int senders = 10;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            Http instance = i % 2 == 0 ? a : b;
            futures.add(pool.submit(() -> {
                go.await();
                return instance.post(WS + "/stampede/notes", "{\"text\":\"once\"}", KEY, "stampede-key");
            }));
        }
        go.countDown();
        List<Http.Response> answers = new ArrayList<>();
        for (Future<Http.Response> future : futures) {
            answers.add(future.get());
        }
        pool.shutdown();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 409));
        assertThat(answers.stream().filter(r -> r.status() == 409))
                .allSatisfy(r -> assertThat(r.header("Retry-After")).isNotNull());
        assertThat(answers.stream().filter(r -> r.status() == 201).map(Http.Response::text).distinct()).hasSize(1);
        assertThat(instances.eventTypes("demo", "stampede")).containsExactly("ContactCreated", "NoteWritten");
    }

    @Test
    void aRequestWhoseFirstSenderDiedIsTakenOverOnceItsLeaseEnds() {
        created("orphan");
        long past = System.currentTimeMillis() - 1;
        long future = System.currentTimeMillis() + 60_000;
        String hash = fingerprintOf("POST", "/api/v1/workspaces/demo/contacts/orphan/notes", "{\"text\":\"late\"}");
        insertInFlight("orphan-live", hash, future);
        insertInFlight("orphan-dead", hash, past);

        Http.Response whileLeased = b.post(WS + "/orphan/notes", "{\"text\":\"late\"}", KEY, "orphan-live");
        Http.Response afterLease = b.post(WS + "/orphan/notes", "{\"text\":\"late\"}", KEY, "orphan-dead");

        assertThat(whileLeased.status()).isEqualTo(409);
        assertThat(whileLeased.header("Retry-After")).isNotNull();
        assertThat(afterLease.status()).as(afterLease.toString()).isEqualTo(201);
        assertThat(instances.eventTypes("demo", "orphan")).containsExactly("ContactCreated", "NoteWritten");
    }

    @Test
    void answersOlderThanTheRetentionArePurged() {
        long old = System.currentTimeMillis() - 25L * 3600 * 1000;
        insertRow("purge-me", "DONE", old);
        insertRow("keep-me", "DONE", System.currentTimeMillis());

        instances.bean(0, IdempotencyPurge.class).purge();
        instances.bean(1, IdempotencyPurge.class).purge();

        assertThat(rows("SELECT COUNT(*) FROM idempotent_request WHERE idempotency_key = 'purge-me'")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM idempotent_request WHERE idempotency_key = 'keep-me'")).isOne();
    }

    private static String fingerprintOf(String method, String path, String body) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {method, path, "null", "application/json"}) {
                digest.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(digest.digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insertInFlight(String key, String hash, long leaseUntil) {
        instances.jdbc().sql("INSERT INTO idempotent_request (workspace_id, key_name, idempotency_key, request_hash, state,"
                        + " owner, lease_until, created_at) VALUES ('demo', 'integration-demo', ?, ?, 'IN_FLIGHT', 'dead-instance', ?, ?)")
                .params(key, hash, leaseUntil, System.currentTimeMillis())
                .update();
    }

    private void insertRow(String key, String state, long createdAt) {
        instances.jdbc().sql("INSERT INTO idempotent_request (workspace_id, key_name, idempotency_key, request_hash, state,"
                        + " owner, lease_until, created_at) VALUES ('demo', 'integration-demo', ?, 'h', ?, 'x', 0, ?)")
                .params(key, state, createdAt)
                .update();
    }
}
