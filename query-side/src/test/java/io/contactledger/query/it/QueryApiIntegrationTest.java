package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.Http.Response;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** Every command through the command API, then every query endpoint's answer. */
class QueryApiIntegrationTest extends BothSidesTestBase {

    private static final String[] AGENT = TestKeys.bearer("agent", "demo");

    @Test
    void aChatSessionBecomesAProfileWithItsWholeHistory() throws Exception {
        adminCommands.put(WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"LIST\",\"options\":[\"free\",\"pro\"]}");
        String[] widget = TestKeys.bearer("widget", "demo");
        Response created = commands.post(WS + "/contacts", "{\"contactId\":\"ada\",\"channel\":\"WIDGET\",\"country\":\"GB\"}",
                widget[0], widget[1], "X-Correlation-Id", "chat-1");
        String[] visitor = {widget[0], widget[1], "X-Correlation-Id", "chat-1", "X-Visitor-Token", created.json().get("visitorToken").asText()};
        version(created);
        version(commands.post(WS + "/contacts/ada/details", "{\"name\":\"Ada Lovelace\",\"email\":\"ADA@example.com\"}", visitor));
        version(commands.post(WS + "/contacts/ada/details", "{\"phone\":\"020 7183 8750\"}", AGENT));
        version(commands.put(WS + "/contacts/ada/customer-id", "{\"customerId\":\"CUST-42\"}"));
        version(commands.post(WS + "/contacts/ada/tags", "{\"tag\":\"vip\"}", AGENT));
        version(commands.post(WS + "/contacts/ada/tags", "{\"tag\":\"bug\"}", AGENT));
        version(commands.delete(WS + "/contacts/ada/tags/bug", AGENT));
        Response note = commands.post(WS + "/contacts/ada/notes", "{\"text\":\"Asked about pricing\"}", AGENT);
        String noteId = note.json().get("noteId").asText();
        version(commands.put(WS + "/contacts/ada/notes/" + noteId, "{\"text\":\"Asked about enterprise pricing\"}", AGENT));
        String doomed = commands.post(WS + "/contacts/ada/notes", "{\"text\":\"typo\"}", AGENT).json().get("noteId").asText();
        version(commands.delete(WS + "/contacts/ada/notes/" + doomed, AGENT));
        version(commands.put(WS + "/contacts/ada/custom-fields/plan", "{\"value\":\"pro\"}", AGENT));
        long last = version(commands.put(WS + "/contacts/ada/custom-fields/plan", "{\"value\":\"free\"}", AGENT));

        Response profile = queries.get(WS + "/contacts/ada?minVersion=" + last);

        assertThat(profile.status()).isEqualTo(200);
        JsonNode p = profile.json();
        assertThat(p.get("workspaceId").asText()).isEqualTo("demo");
        assertThat(p.get("type").asText()).isEqualTo("CUSTOMER");
        assertThat(p.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(p.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(p.get("phone").asText()).isEqualTo("+442071838750");
        assertThat(p.get("country").asText()).isEqualTo("GB");
        assertThat(p.get("timezone").asText()).isEqualTo("Europe/London");
        assertThat(p.get("customerId").asText()).isEqualTo("CUST-42");
        assertThat(p.get("tags").toString()).isEqualTo("[\"vip\"]");
        assertThat(p.get("customFields").toString()).isEqualTo("{\"plan\":\"free\"}");
        assertThat(p.get("notes")).hasSize(1);
        assertThat(p.get("notes").get(0).get("noteId").asText()).isEqualTo(noteId);
        assertThat(p.get("notes").get(0).get("text").asText()).isEqualTo("Asked about enterprise pricing");
        assertThat(p.get("notes").get(0).get("author").asText()).isEqualTo("agent-demo");
        assertThat(p.get("notes").get(0).get("editedAt").isNull()).isFalse();
        assertThat(p.get("version").asLong()).isEqualTo(last);

        JsonNode history = queries.get(WS + "/contacts/ada/history").json();
        List<String> types = new ArrayList<>();
        history.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("ContactCreated", "DetailsLeft", "ContactPromoted", "DetailsLeft",
                "CustomerIdLinked", "ContactPromoted", "TagAdded", "TagAdded", "TagRemoved", "NoteWritten",
                "NoteEdited", "NoteWritten", "NoteDeleted", "CustomFieldSet", "CustomFieldSet");
        JsonNode first = history.get("events").get(0);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("actorKind").asText()).isEqualTo("VISITOR");
        assertThat(first.get("actorId").asText()).isEqualTo("ada");
        assertThat(first.get("channel").asText()).isEqualTo("WIDGET");
        assertThat(first.get("correlationId").asText()).isEqualTo("chat-1");
        assertThat(first.get("payload").get("country").asText()).isEqualTo("GB");
        JsonNode link = history.get("events").get(4);
        assertThat(link.get("actorKind").asText()).isEqualTo("INTEGRATION");
        assertThat(link.get("actorId").asText()).isEqualTo("integration-demo");
        assertThat(link.get("channel").asText()).isEqualTo("API");
        JsonNode tagged = history.get("events").get(6);
        assertThat(tagged.get("actorKind").asText()).isEqualTo("AGENT");
        assertThat(tagged.get("actorId").asText()).isEqualTo("agent-demo");
        assertThat(tagged.get("channel").asText()).isEqualTo("CONSOLE");
        assertThat(link.get("payload").get("customerId").asText()).isEqualTo("CUST-42");
        for (int i = 0; i < history.get("events").size(); i++) {
            assertThat(history.get("events").get(i).get("sequence").asLong()).isEqualTo(i);
        }

        eventually(java.time.Duration.ofSeconds(10), () -> queries.get(WS + "/custom-fields").json().size() == 1,
                "the custom-field view");
        JsonNode fields = queries.get(WS + "/custom-fields").json();
        assertThat(fields.get(0).get("key").asText()).isEqualTo("plan");
        assertThat(fields.get(0).get("type").asText()).isEqualTo("LIST");
        assertThat(fields.get(0).get("options").toString()).isEqualTo("[\"free\",\"pro\"]");
    }

    @Test
    void asOfShowsTheProfileAsItStoodAtThreeMoments() throws Exception {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"grace\"}"));
        Thread.sleep(20);
        version(commands.post(WS + "/contacts/grace/details", "{\"name\":\"Grace\",\"email\":\"grace@example.com\"}"));
        Thread.sleep(20);
        long last = version(commands.post(WS + "/contacts/grace/tags", "{\"tag\":\"vip\"}"));
        JsonNode events = queries.get(WS + "/contacts/grace/history").json().get("events");
        Instant created = Instant.parse(events.get(0).get("occurredAt").asText());
        Instant promoted = Instant.parse(events.get(2).get("occurredAt").asText());
        Instant tagged = Instant.parse(events.get(3).get("occurredAt").asText());

        JsonNode atCreation = queries.get(WS + "/contacts/grace?asOf=" + created).json();
        JsonNode afterDetails = queries.get(WS + "/contacts/grace?asOf=" + promoted.plusMillis(5)).json();
        JsonNode now = queries.get(WS + "/contacts/grace?asOf=" + tagged).json();

        assertThat(atCreation.get("type").asText()).isEqualTo("GUEST");
        assertThat(atCreation.get("name").isNull()).isTrue();
        assertThat(afterDetails.get("type").asText()).isEqualTo("LEAD");
        assertThat(afterDetails.get("tags")).isEmpty();
        assertThat(now.get("tags").toString()).isEqualTo("[\"vip\"]");
        assertThat(now.get("version").asLong()).isEqualTo(last);
        assertThat(queries.get(WS + "/contacts/grace?asOf=" + created.minusSeconds(1)).status()).isEqualTo(404);
        assertThat(queries.get(WS + "/contacts/grace?atVersion=1").json().get("type").asText()).isEqualTo("GUEST");
        assertThat(queries.get(WS + "/contacts/grace?atVersion=2").json().get("type").asText()).isEqualTo("LEAD");
        assertThat(queries.get(WS + "/contacts/grace?asOf=yesterday").status()).isEqualTo(400);
        assertThat(queries.get(WS + "/contacts/grace?atVersion=-1").status()).isEqualTo(400);
        assertThat(queries.get(WS + "/contacts/grace?atVersion=x").status()).isEqualTo(400);
    }

    @Test
    void minVersionWaitsForTheProjectionOrAnswers503WithRetryAfter() {
        long created = version(commands.post(WS + "/contacts", "{\"contactId\":\"linus\"}"));

        Response reached = queries.get(WS + "/contacts/linus?minVersion=" + created);
        Response tooFar = queries.get(WS + "/contacts/linus?minVersion=" + (created + 50));

        assertThat(reached.status()).isEqualTo(200);
        assertThat(tooFar.status()).isEqualTo(503);
        assertThat(tooFar.header("Retry-After")).isEqualTo("1");
        assertThat(tooFar.contentType()).startsWith("application/problem+json");
    }

    @Test
    void searchCombinesFiltersAndPagesNewestFirstAcrossThreePages() throws Exception {
        Http commands = this.commands.with(TestKeys.bearer("integration", "search"));
        Http queries = this.queries.with(TestKeys.bearer("agent", "search"));
        long last = 0;
        for (int i = 1; i <= 8; i++) {
            String id = "s-" + i;
            version(commands.post("/api/v1/workspaces/search/contacts", "{\"contactId\":\"" + id + "\"}"));
            if (i != 8) {
                version(commands.post("/api/v1/workspaces/search/contacts/" + id + "/details",
                        "{\"name\":\"Searchable " + i + "\",\"email\":\"s" + i + "@Example.com\"}"));
            }
            last = version(commands.post("/api/v1/workspaces/search/contacts/" + id + "/tags",
                    "{\"tag\":\"" + (i % 4 == 0 ? "other" : "vip") + "\"}"));
            queries.get("/api/v1/workspaces/search/contacts/" + id + "?minVersion=" + last);
        }
        String base = "/api/v1/workspaces/search/contacts?type=LEAD&tag=VIP&q=EXAMPLE.com&limit=2";

        JsonNode page1 = queries.get(base).json();
        JsonNode page2 = queries.get(base + "&cursor=" + page1.get("nextCursor").asText()).json();
        JsonNode page3 = queries.get(base + "&cursor=" + page2.get("nextCursor").asText()).json();

        List<String> ids = new ArrayList<>();
        for (JsonNode page : List.of(page1, page2, page3)) {
            page.get("items").forEach(item -> ids.add(item.get("contactId").asText()));
        }
        assertThat(ids).containsExactly("s-7", "s-6", "s-5", "s-3", "s-2", "s-1");
        assertThat(page3.get("nextCursor").isNull()).isTrue();
        JsonNode item = page1.get("items").get(0);
        assertThat(item.get("name").asText()).isEqualTo("Searchable 7");
        assertThat(item.get("email").asText()).isEqualTo("s7@example.com");
        assertThat(item.get("type").asText()).isEqualTo("LEAD");
        assertThat(item.get("tags").toString()).isEqualTo("[\"vip\"]");
        assertThat(item.has("createdAt")).isTrue();
        assertThat(item.has("updatedAt")).isTrue();
        assertThat(item.has("customerId")).isTrue();
        assertThat(item.has("phone")).isTrue();

        JsonNode all = queries.get("/api/v1/workspaces/search/contacts").json();
        assertThat(all.get("items")).hasSize(8);
        assertThat(all.get("items").get(0).get("contactId").asText()).isEqualTo("s-8");
        assertThat(queries.get("/api/v1/workspaces/search/contacts?q=searchable%201").json().get("items")).hasSize(1);
        assertThat(queries.get("/api/v1/workspaces/search/contacts?q=%25").json().get("items")).isEmpty();
    }

    @Test
    void badListParametersAndForgedCursorsAre400() {
        String list = WS + "/contacts";
        assertThat(queries.get(list + "?type=VIP").status()).isEqualTo(400);
        assertThat(queries.get(list + "?limit=0").status()).isEqualTo(400);
        assertThat(queries.get(list + "?limit=201").status()).isEqualTo(400);
        assertThat(queries.get(list + "?limit=ten").status()).isEqualTo(400);
        assertThat(queries.get(list + "?cursor=bm9wZQ.AAAA").status()).isEqualTo(400);
        assertThat(queries.get(list + "?cursor=%25%25%25").status()).isEqualTo(400);
        Response forged = queries.get(list + "?cursor=MTc5NTQ2MzY4NDE4MTAwMDp2aXNpdG9yLTAwMzU.BhlqSNLnuS9sr9C8cRpCPA");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
    }

    @Test
    void unknownContactsAndOtherWorkspacesAre404() {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"hidden\"}"));

        assertThat(queries.get(WS + "/contacts/nobody").status()).isEqualTo(404);
        assertThat(queries.get(WS + "/contacts/nobody/history").status()).isEqualTo(404);
        assertThat(queries.get(WS + "/contacts/nobody?atVersion=0").status()).isEqualTo(404);
        assertThat(queries.get("/api/v1/workspaces/elsewhere/contacts/hidden").status()).isEqualTo(404);
        assertThat(queries.get("/api/v1/workspaces/elsewhere/contacts/hidden/history").status()).isEqualTo(404);
        assertThat(queries.get("/api/v1/workspaces/elsewhere/contacts/hidden?asOf=" + Instant.now()).status()).isEqualTo(404);
        assertThat(queries.get("/api/v1/workspaces/Bad_WS/contacts").status()).as("not this key's workspace").isEqualTo(404);
    }

    @Test
    void operatorsSeeEveryProjectionAndAnUnknownOneIs404() throws Exception {
        long last = version(commands.post(WS + "/contacts", "{\"contactId\":\"op-1\"}"));
        queries.get(WS + "/contacts/op-1?minVersion=" + last);

        eventually(java.time.Duration.ofSeconds(10), () -> {
            JsonNode status = operator.get("/admin/projections").json();
            return status.size() == 3 && status.get(0).get("lag").asLong() == 0;
        }, "the projections to catch up");
        JsonNode status = operator.get("/admin/projections").json();
        assertThat(status.findValuesAsText("name")).containsExactly("contact-profiles", "custom-field-views", "event-feed");
        JsonNode profiles = status.get(0);
        assertThat(profiles.get("head").asLong()).isPositive();
        assertThat(profiles.get("position").asLong()).isEqualTo(profiles.get("head").asLong());
        assertThat(profiles.has("replaying")).isTrue();
        assertThat(operator.post("/admin/projections/nope/rebuild", null).status()).isEqualTo(404);
        assertThat(operator.get("/actuator/health").json().get("components").has("projections")).isTrue();
        // without an operator key health says only whether the service is up: no paths, disk or lags
        JsonNode anonymousHealth = anonymousQueries.get("/actuator/health").json();
        assertThat(anonymousHealth.get("status").asText()).isEqualTo("UP");
        assertThat(anonymousHealth.has("components")).isFalse();
        assertThat(anonymousHealth.has("details")).isFalse();
        assertThat(queries.get("/actuator/health").json().has("components")).as("an agent is not an operator").isFalse();
        assertThat(anonymousQueries.get("/v3/api-docs").status()).isEqualTo(200);
    }
}
