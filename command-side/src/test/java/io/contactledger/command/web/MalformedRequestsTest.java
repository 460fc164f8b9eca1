package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.contactledger.support.testing.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Table-driven: every endpoint that takes a body is fed every kind of bad body. Each answer is a
 * 4xx problem+json, never a 5xx, and the event store is left exactly as it was.
 */
class MalformedRequestsTest extends CommandApiTestBase {

    private static String noteId;

    record Endpoint(String method, String path) {
    }

    @BeforeEach
    void aContactWithANoteAndAField() {
        if (noteId == null) {
            create("victim");
            admin.put(WS + "/custom-fields/seats", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}");
            noteId = http.post(WS + "/contacts/victim/notes", "{\"text\":\"n\",\"author\":\"a\"}").json().get("noteId").asText();
        }
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", WS + "/contacts"),
                new Endpoint("POST", WS + "/contacts/victim/details"),
                new Endpoint("PUT", WS + "/contacts/victim/customer-id"),
                new Endpoint("POST", WS + "/contacts/victim/tags"),
                new Endpoint("POST", WS + "/contacts/victim/notes"),
                new Endpoint("PUT", WS + "/contacts/victim/notes/" + noteId),
                new Endpoint("PUT", WS + "/contacts/victim/custom-fields/seats"),
                new Endpoint("PUT", WS + "/custom-fields/seats"));
    }

    private static final String HUGE = "x".repeat(70_000);

    private static List<String> badBodies() {
        return List.of(
                "", "{", "[]", "null", "42", "\"text\"", "{} {}", "{\"unknown\":1}",
                "{\"contactId\":42}", "{\"contactId\":\"bad id!\"}", "{\"channel\":\"CARRIER_PIGEON\"}",
                "{\"country\":\"XX\"}", "{\"timezone\":\"Mars/Olympus\"}", "{\"country\":[\"GB\"]}",
                "{\"name\":123}", "{\"name\":\"\"}", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"" + "n".repeat(201) + "\"}",
                "{\"email\":\"not-an-email\"}", "{\"email\":true}", "{\"phone\":\"+1\"}", "{\"phone\":{\"n\":1}}",
                "{\"customerId\":\"\"}", "{\"customerId\":\"" + "c".repeat(129) + "\"}", "{\"customerId\":null}",
                "{\"tag\":\"\"}", "{\"tag\":\"" + "t".repeat(51) + "\"}", "{\"tag\":7}",
                "{\"text\":\"\"}", "{\"text\":\"" + "t".repeat(10_001) + "\"}", "{\"text\":false}",
                "{\"value\":\"not a number\"}", "{\"value\":[1,2]}", "{\"value\":null}",
                "{\"label\":\"\",\"type\":\"NUMBER\"}", "{\"label\":\"L\",\"type\":\"COLOUR\"}",
                "{\"label\":\"L\",\"type\":\"TEXT\"}", "{\"label\":\"L\",\"type\":\"NUMBER\",\"options\":[\"a\",\"b\"]}",
                "{\"name\":\"" + HUGE + "\"}");
    }

    @Test
    void everyBadBodyOnEveryEndpointIsA4xxProblemAndChangesNothing() {
        long before = eventCount();
        List<String> failures = new ArrayList<>();

        for (Endpoint endpoint : endpoints()) {
            for (String body : badBodies()) {
                // custom fields are defined by admins; every other command is run by an integration key
                Response response = (endpoint.path().startsWith(WS + "/custom-fields") ? admin : http)
                        .send(endpoint.method(), endpoint.path(), body, "application/json");
                boolean acceptable = response.status() >= 400 && response.status() < 500
                        && response.contentType().startsWith("application/problem+json");
                // a body may happen to be valid for one endpoint (e.g. {"country":"XX"} is irrelevant to tags)
                boolean harmlessSuccess = response.status() < 300 && eventCount() == before;
                if (!acceptable && !harmlessSuccess) {
                    failures.add(endpoint + " " + abbreviate(body) + " -> " + response.status() + " " + response.contentType());
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void nonJsonContentIs415AndOversizedBodiesAre413() {
        long before = eventCount();

        Response text = http.send("POST", WS + "/contacts/victim/tags", "tag=vip", "text/plain");
        Response form = http.send("POST", WS + "/contacts", "contactId=x", "application/x-www-form-urlencoded");
        Response huge = http.post(WS + "/contacts/victim/tags", "{\"tag\":\"" + HUGE + "\"}");

        assertThat(Stream.of(text, form).map(Response::status)).containsOnly(415);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedPathIdsAreRefused() {
        assertThat(http.post("/api/v1/workspaces/Bad_WS/contacts", "{}").status()).as("not this key's workspace").isEqualTo(404);
        assertThat(http.post(WS + "/contacts/" + "x".repeat(65) + "/tags", "{\"tag\":\"a\"}").status()).isEqualTo(400);
    }

    private static String abbreviate(String body) {
        return body.length() > 60 ? body.substring(0, 60) + "…" : body;
    }
}
