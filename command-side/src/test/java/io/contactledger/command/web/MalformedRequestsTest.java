package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.contactledger.support.testing.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Table-driven: every endpoint that takes a body is fed every kind of bad body. Each cell expects
 * its exact status (400, 409, 413, 415), a complete problem+json naming the bad field, and every
 * table a command may write left exactly as it was.
 */
class MalformedRequestsTest extends CommandApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    /** An endpoint with the fields its body may have. */
    record Fields(Endpoint endpoint, Set<String> known) {
    }

    private List<Fields> endpoints() {
        return List.of(
                new Fields(new Endpoint("POST", WS + "/contacts"), Set.of("contactId", "channel", "country", "timezone")),
                new Fields(new Endpoint("POST", WS + "/contacts/victim/details"), Set.of("name", "email", "phone", "country", "timezone")),
                new Fields(new Endpoint("PUT", WS + "/contacts/victim/customer-id"), Set.of("customerId", "identityHash")),
                new Fields(new Endpoint("POST", WS + "/contacts/victim/tags"), Set.of("tag")),
                new Fields(new Endpoint("POST", WS + "/contacts/victim/notes"), Set.of("text", "author")),
                new Fields(new Endpoint("PUT", WS + "/contacts/victim/notes/" + noteId), Set.of("text")),
                new Fields(new Endpoint("PUT", WS + "/contacts/victim/custom-fields/seats"), Set.of("value")),
                new Fields(new Endpoint("PUT", WS + "/custom-fields/seats"), Set.of("label", "type", "options")));
    }

    private static final String HUGE = "x".repeat(70_000);

    /** Bodies that are no JSON object of the expected shape: 400 without a field. */
    private static final List<String> MALFORMED = List.of("", "{", "[]", "null", "42", "\"text\"", "{} {}",
            "{\"x\":\"a\",\"x\":\"b\"}");

    /** Bodies with one bad field: 400 naming it, wherever it is known or not. */
    private static final List<String> ONE_BAD_FIELD = List.of(
            "{\"unknown\":1}", "{\"contactId\":42}", "{\"contactId\":\"bad id!\"}", "{\"channel\":\"CARRIER_PIGEON\"}",
            "{\"country\":\"XX\"}", "{\"timezone\":\"Mars/Olympus\"}", "{\"country\":[\"GB\"]}",
            "{\"name\":123}", "{\"name\":\"\"}", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"\\ud800\"}",
            "{\"name\":\"" + "n".repeat(201) + "\"}", "{\"name\":\"Ada\\u202E\"}",
            "{\"email\":\"not-an-email\"}", "{\"email\":true}", "{\"phone\":\"+1\"}", "{\"phone\":{\"n\":1}}",
            "{\"customerId\":\"\"}", "{\"customerId\":\"" + "c".repeat(129) + "\"}", "{\"customerId\":null}",
            "{\"tag\":\"\"}", "{\"tag\":\"" + "t".repeat(51) + "\"}", "{\"tag\":7}",
            "{\"text\":\"\"}", "{\"text\":\"" + "t".repeat(10_001) + "\"}", "{\"text\":false}",
            "{\"value\":\"not a number\"}", "{\"value\":[1,2]}", "{\"value\":null}");

    /** Custom-field definitions: the first bad field named, or 409 for a type change. */
    private static final List<String[]> DEFINITIONS = List.of(
            new String[] {"{\"label\":\"\",\"type\":\"NUMBER\"}", "label"},
            new String[] {"{\"label\":\"L\",\"type\":\"COLOUR\"}", "type"},
            new String[] {"{\"label\":\"L\",\"type\":\"NUMBER\",\"options\":[\"a\",\"b\"]}", "options"},
            new String[] {"{\"label\":\"L\",\"type\":\"TEXT\"}", "409"});

    @Test
    void everyBadBodyOnEveryEndpointGetsItsExactProblemAndChangesNoTable() throws Exception {
        long before = tables();
        List<String> failures = new ArrayList<>();

        for (Fields endpoint : endpoints()) {
            for (String body : MALFORMED) {
                expect(endpoint, body, 400, null, failures);
            }
            for (String body : ONE_BAD_FIELD) {
                expect(endpoint, body, 400, JSON.readTree(body).fieldNames().next(), failures);
            }
            for (String[] definition : DEFINITIONS) {
                boolean defines = endpoint.known().contains("label");
                String field = defines ? definition[1] : "label";
                expect(endpoint, definition[0], defines && field.equals("409") ? 409 : 400,
                        field.equals("409") ? null : field, failures);
            }
            expect(endpoint, "{\"name\":\"" + HUGE + "\"}", 413, null, failures);
        }

        assertThat(failures).isEmpty();
        assertThat(tables()).isEqualTo(before);
    }

    private void expect(Fields endpoint, String body, int status, String field, List<String> failures) {
        // custom fields are defined by admins; every other command is run by an integration key
        Response response = (endpoint.endpoint().path().startsWith(WS + "/custom-fields") ? admin : http)
                .send(endpoint.endpoint().method(), endpoint.endpoint().path(), body, "application/json");
        String cell = endpoint.endpoint() + " " + abbreviate(body);
        if (response.status() != status) {
            failures.add(cell + " -> " + response.status() + ", expected " + status + ": " + abbreviate(response.text()));
            return;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            failures.add(cell + " -> " + response.contentType());
            return;
        }
        JsonNode problem = response.json();
        if (problem.get("status").asInt() != status || !problem.hasNonNull("title") || !problem.hasNonNull("type")
                || !problem.hasNonNull("instance")) {
            failures.add(cell + " -> incomplete problem " + abbreviate(response.text()));
        }
        if (field != null && (!problem.has("errors") || !problem.get("errors").findValuesAsText("field").contains(field))) {
            failures.add(cell + " -> errors do not name " + field + ": " + abbreviate(response.text()));
        }
    }

    /** Rows in every table a command may write. */
    private long tables() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM domain_event_entry) + (SELECT COUNT(*) FROM customer_id_claim)"
                + " + (SELECT COUNT(*) FROM custom_field_definition) + (SELECT COUNT(*) FROM idempotent_request)")
                .query(Long.class).single();
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
    void aCompressedBodyIs415AndChangesNothing() throws Exception {
        // given a client that compresses its bodies, as some HTTP libraries do when told to
        long before = tables();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"tag\":\"vip\"}".getBytes(StandardCharsets.UTF_8));
        }

        // when it sends a compressed body, a plain one labelled compressed, one labelled identity, and no body
        Response compressed = http.sendBytes("POST", WS + "/contacts/victim/tags", zipped.toByteArray(), "application/json",
                "Content-Encoding", "gzip");
        Response mislabelled = http.send("POST", WS + "/contacts/victim/tags", "{\"tag\":\"vip\"}", "application/json",
                "Content-Encoding", "identity, br");
        long afterRefusals = tables();
        Response identity = http.send("POST", WS + "/contacts/victim/tags", "{\"tag\":\"plain\"}", "application/json",
                "Content-Encoding", "Identity");
        Response withoutBody = http.delete(WS + "/contacts/victim/tags/plain", "Content-Encoding", "gzip");

        // then the compressed ones are one 415 each, saying what is accepted, and change nothing
        for (Response refused : List.of(compressed, mislabelled)) {
            assertThat(refused.status()).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("/unsupported-content-encoding");
            assertThat(refused.header("Accept-Encoding")).isEqualTo("identity");
        }
        assertThat(afterRefusals).isEqualTo(before);
        assertThat(identity.status()).isEqualTo(200);
        assertThat(withoutBody.status()).as("a request without a body has nothing encoded").isEqualTo(200);
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
