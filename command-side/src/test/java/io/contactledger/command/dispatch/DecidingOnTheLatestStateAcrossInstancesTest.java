package io.contactledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.contactledger.command.testing.CommandInstances;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §7: a command decides on the contact's latest state in the store, whichever instance takes
 * it. Two command-side instances, each with its own aggregate cache, share one database; every
 * scenario first warms instance B's cache, then changes the contact through A, then asks B for
 * something its stale copy would answer wrongly (usually as a no-op).
 */
class DecidingOnTheLatestStateAcrossInstancesTest {

    private static final String WS = "/api/v1/workspaces/demo/contacts";
    private static CommandInstances instances;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void twoInstances() {
        instances = CommandInstances.start(2, TestDatabase.create("latest_state"));
        a = instances.client(0, "integration", "demo");
        b = instances.client(1, "integration", "demo");
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static long version(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json().get("version").asLong();
    }

    @Test
    void removalsThroughTheOtherInstanceTakeEffectAndVersionsOnlyRise() {
        version(a.post(WS, "{\"contactId\":\"hot\"}"));
        long last = 0;
        for (int i = 0; i < 20; i++) {
            long added = version(a.post(WS + "/hot/tags", "{\"tag\":\"t" + i + "\"}"));
            long removed = version(b.delete(WS + "/hot/tags/t" + i));
            assertThat(added).as("add t%d", i).isGreaterThan(last);
            assertThat(removed).as("removal of t%d answered after the add's version %d", i, added).isGreaterThan(added);
            last = removed;
        }
        List<String> types = instances.eventTypes("demo", "hot");
        assertThat(types.stream().filter("TagAdded"::equals).count()).isEqualTo(20);
        assertThat(types.stream().filter("TagRemoved"::equals).count()).isEqualTo(20);
        assertThat(types).hasSize(41);
    }

    @Test
    void reAddingATagTheOtherInstanceRemovedRecordsIt() {
        version(a.post(WS, "{\"contactId\":\"readd\"}"));
        version(b.post(WS + "/readd/tags", "{\"tag\":\"vip\"}"));
        long removed = version(a.delete(WS + "/readd/tags/vip"));

        long readded = version(b.post(WS + "/readd/tags", "{\"tag\":\"vip\"}"));

        assertThat(readded).isGreaterThan(removed);
        assertThat(instances.eventTypes("demo", "readd")).containsExactly("ContactCreated", "TagAdded", "TagRemoved", "TagAdded");
    }

    @Test
    void aNoteWrittenOnTheOtherInstanceCanBeEditedAndDeletedAtOnce() {
        version(a.post(WS, "{\"contactId\":\"noted\"}"));
        version(b.post(WS + "/noted/tags", "{\"tag\":\"warm-b\"}"));
        String noteId = a.post(WS + "/noted/notes", "{\"text\":\"called back\"}").json().get("noteId").asText();

        Http.Response edited = b.put(WS + "/noted/notes/" + noteId, "{\"text\":\"called back twice\"}");
        Http.Response deleted = b.delete(WS + "/noted/notes/" + noteId);

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(instances.eventTypes("demo", "noted")).endsWith("NoteWritten", "NoteEdited", "NoteDeleted");
    }

    @Test
    void linkingTheSameCustomerIdAgainOnTheOtherInstanceAnswersTheLatestVersion() {
        version(a.post(WS, "{\"contactId\":\"linked\"}"));
        version(b.post(WS + "/linked/tags", "{\"tag\":\"warm-b\"}"));
        Http.Response first = a.put(WS + "/linked/customer-id", "{\"customerId\":\"CUST-LINKED\"}");

        Http.Response again = b.put(WS + "/linked/customer-id", "{\"customerId\":\"CUST-LINKED\"}");

        assertThat(again.json().get("type").asText()).isEqualTo("CUSTOMER");
        assertThat(version(again)).isEqualTo(version(first));
        assertThat(instances.eventTypes("demo", "linked").stream().filter("CustomerIdLinked"::equals)).hasSize(1);
    }

    @Test
    void detailsThatLookUnchangedToAStaleCopyAreRecorded() {
        version(a.post(WS, "{\"contactId\":\"renamed\"}"));
        version(b.post(WS + "/renamed/details", "{\"name\":\"Ada\"}"));
        version(a.post(WS + "/renamed/details", "{\"name\":\"Grace\"}"));

        long back = version(b.post(WS + "/renamed/details", "{\"name\":\"Ada\"}"));

        assertThat(back).isEqualTo(3);
        assertThat(instances.eventTypes("demo", "renamed")).containsExactly("ContactCreated", "DetailsLeft", "DetailsLeft", "DetailsLeft");
    }

    @Test
    void oneCustomerIdClaimedByManyContactsThroughBothInstancesHasExactlyOneWinner() throws Exception {
        int contacts = 12;
        for (int i = 0; i < contacts; i++) {
            version(a.post(WS, "{\"contactId\":\"claimer-" + i + "\"}"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(contacts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            Http instance = i % 2 == 0 ? a : b;
            String contactId = "claimer-" + i;
            Callable<Http.Response> link = () -> {
                go.await();
                return instance.put(WS + "/" + contactId + "/customer-id", "{\"customerId\":\"CUST-RACE\"}");
            };
            answers.add(pool.submit(link));
        }
        go.countDown();
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        List<Http.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).as(responses.toString()).hasSize(1);
        String winner = won.get(0).json().get("contactId").asText();
        assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(contacts - 1)
                .allSatisfy(r -> assertThat(r.json().get("existingContactId").asText()).isEqualTo(winner));
        assertThat(instances.jdbc().sql("SELECT contact_id FROM customer_id_claim WHERE workspace_id = 'demo' AND customer_id = 'CUST-RACE'")
                .query(String.class).list()).containsExactly(winner);
        assertThat(instances.jdbc().sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%CustomerIdLinked'"
                        + " AND aggregate_identifier LIKE 'demo/claimer-%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twentyRacingTagCommandsThroughBothInstancesAllTakeEffect() throws Exception {
        version(a.post(WS, "{\"contactId\":\"race\"}"));

        List<Http.Response> answers = race(20, i -> (i % 2 == 0 ? a : b).post(WS + "/race/tags", "{\"tag\":\"t" + i + "\"}"));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(answers.stream().map(DecidingOnTheLatestStateAcrossInstancesTest::version).distinct()).hasSize(20);
        assertThat(instances.eventTypes("demo", "race")).hasSize(21).filteredOn("TagAdded"::equals).hasSize(20);
        assertGapless("race");
    }

    @Test
    void racingAddsAndRemovesOfTheSameTagsThroughBothInstancesLeaveNothingBehind() throws Exception {
        version(a.post(WS, "{\"contactId\":\"churn\"}"));

        // each of 8 clients adds its tag through one instance and removes it through the other, 5 times
        List<Http.Response> answers = race(8, i -> {
            Http.Response last = null;
            for (int round = 0; round < 5; round++) {
                Http.Response added = (i % 2 == 0 ? a : b).post(WS + "/churn/tags", "{\"tag\":\"c" + i + "\"}");
                Http.Response removed = (i % 2 == 0 ? b : a).delete(WS + "/churn/tags/c" + i);
                assertThat(version(removed)).isGreaterThan(version(added));
                last = removed;
            }
            return last;
        });

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        List<String> types = instances.eventTypes("demo", "churn");
        assertThat(types).filteredOn("TagAdded"::equals).hasSize(40);
        assertThat(types).filteredOn("TagRemoved"::equals).hasSize(40);
        assertGapless("churn");
    }

    private interface Client {
        Http.Response run(int index) throws Exception;
    }

    private static List<Http.Response> race(int clients, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                go.await();
                return client.run(index);
            }));
        }
        go.countDown();
        List<Http.Response> answers = new ArrayList<>();
        for (Future<Http.Response> future : futures) {
            answers.add(future.get());
        }
        pool.shutdown();
        return answers;
    }

    private static void assertGapless(String contactId) {
        List<Long> sequences = instances.jdbc().sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number").param("demo/" + contactId).query(Long.class).list();
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
    }
}
