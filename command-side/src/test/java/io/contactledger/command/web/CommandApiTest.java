package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactledger.support.testing.Http.Response;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** Every command endpoint over real HTTP: its success answer and each status it promises. */
class CommandApiTest extends CommandApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void creatingAContactAnswers201WithItsTypeAndVersion() {
        Response created = http.post(WS + "/contacts", "{\"contactId\":\"new-1\",\"channel\":\"WIDGET\",\"country\":\"GB\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("contactId").asText()).isEqualTo("new-1");
        assertThat(created.json().get("type").asText()).isEqualTo("GUEST");
        assertThat(created.json().get("version").asLong()).isZero();
    }

    @Test
    void creatingWithoutAnIdGeneratesAUuid() {
        Response created = http.post(WS + "/contacts", "{}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("contactId").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void creatingAnExistingIdIsAConflictAndChangesNothing() {
        create("dup-1");
        long before = eventCount();

        Response again = create("dup-1");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void leavingDetailsPromotesAndAnswersTheNewVersion() {
        create("lead-1");

        Response left = http.post(WS + "/contacts/lead-1/details", "{\"name\":\"Ada\",\"email\":\"ADA@example.com\"}");

        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("type").asText()).isEqualTo("LEAD");
        assertThat(left.json().get("version").asLong()).isEqualTo(2);
        Response same = http.post(WS + "/contacts/lead-1/details", "{\"email\":\"ada@example.com\"}");
        assertThat(same.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void invalidDetailsAre400WithEveryFieldNamed() {
        create("bad-1");

        Response refused = http.post(WS + "/contacts/bad-1/details", "{\"email\":\"nope\",\"phone\":\"12\",\"timezone\":\"Mars/Base\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "phone", "timezone");
        assertThat(eventCount("bad-1", "DetailsLeft")).isZero();
    }

    @Test
    void commandsToAnUnknownContactAre404() {
        assertThat(http.post(WS + "/contacts/ghost/details", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.post(WS + "/contacts/ghost/tags", "{\"tag\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.delete(WS + "/contacts/ghost/tags/x").status()).isEqualTo(404);
        assertThat(http.post(WS + "/contacts/ghost/notes", "{\"text\":\"x\",\"author\":\"a\"}").status()).isEqualTo(404);
        assertThat(http.put(WS + "/contacts/ghost/customer-id", "{\"customerId\":\"C\"}").status()).isEqualTo(404);
        assertThat(http.delete(WS + "/contacts/ghost/custom-fields/x").status()).isEqualTo(404);
    }

    @Test
    void aContactOfAnotherWorkspaceIsUnknownHere() {
        create("mine-1");

        assertThat(http.post("/api/v1/workspaces/other/contacts/mine-1/tags", "{\"tag\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void linkingACustomerIdMakesACustomerAndAClaimedIdNamesItsHolder() {
        create("cust-1");
        create("cust-2");

        Response linked = http.put(WS + "/contacts/cust-1/customer-id", "{\"customerId\":\"CUST-9\"}");
        Response again = http.put(WS + "/contacts/cust-1/customer-id", "{\"customerId\":\"CUST-9\"}");
        Response claimed = http.put(WS + "/contacts/cust-2/customer-id", "{\"customerId\":\"CUST-9\"}");
        Response relink = http.put(WS + "/contacts/cust-1/customer-id", "{\"customerId\":\"CUST-10\"}");

        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.json().get("type").asText()).isEqualTo("CUSTOMER");
        assertThat(again.json().get("version")).isEqualTo(linked.json().get("version"));
        assertThat(claimed.status()).isEqualTo(409);
        assertThat(claimed.json().get("existingContactId").asText()).isEqualTo("cust-1");
        assertThat(relink.status()).isEqualTo(409);
        assertThat(eventCount("cust-2", "CustomerIdLinked")).isZero();
    }

    @Test
    void theSameCustomerIdMayBeUsedInAnotherWorkspace() {
        create("ws-a");
        String[] otherKey = TestKeys.bearer("integration", "other");
        http.post("/api/v1/workspaces/other/contacts", "{\"contactId\":\"ws-b\"}", otherKey);

        http.put(WS + "/contacts/ws-a/customer-id", "{\"customerId\":\"SHARED\"}");
        Response other = http.put("/api/v1/workspaces/other/contacts/ws-b/customer-id", "{\"customerId\":\"SHARED\"}", otherKey);

        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void tagsAreAddedAndRemovedIdempotently() {
        create("tag-1");

        Response added = http.post(WS + "/contacts/tag-1/tags", "{\"tag\":\" VIP \"}");
        Response addedAgain = http.post(WS + "/contacts/tag-1/tags", "{\"tag\":\"vip\"}");
        Response removed = http.delete(WS + "/contacts/tag-1/tags/vip");
        Response removedAgain = http.delete(WS + "/contacts/tag-1/tags/VIP");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("version").asLong()).isEqualTo(1);
        assertThat(addedAgain.json().get("version").asLong()).isEqualTo(1);
        assertThat(removed.json().get("version").asLong()).isEqualTo(2);
        assertThat(removedAgain.json().get("version").asLong()).isEqualTo(2);
        assertThat(http.post(WS + "/contacts/tag-1/tags", "{\"tag\":\"no!\"}").status()).isEqualTo(400);
    }

    @Test
    void notesAreWrittenEditedAndDeleted() {
        create("note-1");

        Response written = http.post(WS + "/contacts/note-1/notes", "{\"text\":\"hello\",\"author\":\"agent-7\"}");
        String noteId = written.json().get("noteId").asText();
        Response edited = http.put(WS + "/contacts/note-1/notes/" + noteId, "{\"text\":\"hello again\"}");
        Response deleted = http.delete(WS + "/contacts/note-1/notes/" + noteId);

        assertThat(written.status()).isEqualTo(201);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("noteId").asText()).isEqualTo(noteId);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("version").asLong()).isEqualTo(3);
        assertThat(http.put(WS + "/contacts/note-1/notes/" + noteId, "{\"text\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.delete(WS + "/contacts/note-1/notes/unknown").status()).isEqualTo(404);
    }

    @Test
    void aNotesAuthorIsTheAuthenticatedKeysNameWhateverTheBodySays() {
        create("note-2");

        Response written = http.post(WS + "/contacts/note-2/notes", "{\"text\":\"hi\",\"author\":\"someone-else\"}",
                TestKeys.bearer("agent", "demo"));

        assertThat(written.status()).isEqualTo(201);
        String payload = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = 'demo/note-2'"
                + " AND payload_type LIKE '%NoteWritten'").query((rs, i) -> new String(rs.getBytes(1))).single();
        assertThat(payload).contains("\"author\":\"agent-demo\"");
    }

    @Test
    void customFieldsAreDefinedThenRecordedAndCleared() {
        create("cf-1");

        Response defined = admin.put(WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"LIST\",\"options\":[\"free\",\"pro\"]}");
        Response set = http.put(WS + "/contacts/cf-1/custom-fields/plan", "{\"value\":\"pro\"}");
        Response wrong = http.put(WS + "/contacts/cf-1/custom-fields/plan", "{\"value\":\"gold\"}");
        Response undefined = http.put(WS + "/contacts/cf-1/custom-fields/undefined_one", "{\"value\":\"x\"}");
        Response retyped = admin.put(WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"TEXT\"}");
        Response cleared = http.delete(WS + "/contacts/cf-1/custom-fields/plan");

        assertThat(defined.status()).isEqualTo(200);
        assertThat(defined.json().get("key").asText()).isEqualTo("plan");
        assertThat(defined.json().get("type").asText()).isEqualTo("LIST");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("version").asLong()).isEqualTo(1);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(undefined.status()).isEqualTo(400);
        assertThat(retyped.status()).isEqualTo(409);
        assertThat(cleared.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void numbersAndBooleansArriveAsJsonValues() {
        create("cf-2");
        admin.put(WS + "/custom-fields/seats", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}");
        admin.put(WS + "/custom-fields/trial", "{\"label\":\"Trial\",\"type\":\"BOOLEAN\"}");

        assertThat(http.put(WS + "/contacts/cf-2/custom-fields/seats", "{\"value\":12.50}").status()).isEqualTo(200);
        assertThat(http.put(WS + "/contacts/cf-2/custom-fields/trial", "{\"value\":true}").status()).isEqualTo(200);
        assertThat(http.put(WS + "/contacts/cf-2/custom-fields/seats", "{\"value\":{\"a\":1}}").status()).isEqualTo(400);
    }

    @Test
    void everyEventCarriesTheAuthenticatedActorItsChannelAndTheCorrelationId() throws Exception {
        http.post(WS + "/contacts", "{\"contactId\":\"meta-1\"}", "X-Correlation-Id", "chat-123");
        http.post(WS + "/contacts/meta-1/tags", "{\"tag\":\"vip\"}", TestKeys.bearer("agent", "demo"));

        List<JsonNode> metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'demo/meta-1'"
                + " ORDER BY sequence_number").query((rs, i) -> read(rs.getBytes(1))).list();
        assertThat(metadata.get(0).get("actorKind").asText()).isEqualTo("INTEGRATION");
        assertThat(metadata.get(0).get("actorId").asText()).isEqualTo("integration-demo");
        assertThat(metadata.get(0).get("channel").asText()).isEqualTo("API");
        assertThat(metadata.get(0).get("correlationId").asText()).isEqualTo("chat-123");
        assertThat(metadata.get(1).get("actorKind").asText()).isEqualTo("AGENT");
        assertThat(metadata.get(1).get("actorId").asText()).isEqualTo("agent-demo");
        assertThat(metadata.get(1).get("channel").asText()).isEqualTo("CONSOLE");
        assertThat(metadata.get(1).get("correlationId").asText()).isNotBlank().isNotEqualTo("chat-123");
    }

    @Test
    void actorHeadersFromTheClientDoNotCount() throws Exception {
        http.post(WS + "/contacts", "{\"contactId\":\"meta-2\"}", "X-Actor-Kind", "SYSTEM", "X-Actor-Id", "root",
                "X-Channel", "IMPORT");

        JsonNode meta = read(jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'demo/meta-2'")
                .query((rs, i) -> rs.getBytes(1)).single());
        assertThat(meta.get("actorKind").asText()).isEqualTo("INTEGRATION");
        assertThat(meta.get("actorId").asText()).isEqualTo("integration-demo");
        assertThat(meta.get("channel").asText()).isEqualTo("API");
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twentyRacingTagCommandsAllTakeEffect() throws Exception {
        create("race-1");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String tag = "tag-" + i;
            adds.add(() -> http.post(WS + "/contacts/race-1/tags", "{\"tag\":\"" + tag + "\"}").status());
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(adds)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200);
        assertThat(eventCount("race-1", "TagAdded")).isEqualTo(20);
        List<Long> sequences = jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = 'demo/race-1'"
                + " ORDER BY sequence_number").query(Long.class).list();
        assertThat(sequences).hasSize(21).first().isEqualTo(0L);
        assertThat(sequences.get(20)).isEqualTo(20L);
    }

    @Test
    void healthAndTheOpenApiDocumentAreServed() {
        assertThat(anonymous.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        Response api = anonymous.get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("paths").has("/api/v1/workspaces/{workspaceId}/contacts")).isTrue();
    }
}
