package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactledger.support.testing.Http.Response;
import io.contactledger.support.testing.RawHttp;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Every non-2xx answer, from every layer (the application, Spring Security, Spring MVC, Tomcat), is
 * one problem+json in UTF-8 with type, title, status, detail and instance; and the statuses no
 * other test covers are what the contract says.
 */
class EveryAnswerIsAProblemTest extends CommandApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp.Response raw(String method, String target, Map<String, String> headers) throws Exception {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        headers.forEach((name, value) -> bytes.put(name, value.getBytes(StandardCharsets.ISO_8859_1)));
        return new RawHttp("localhost", port).send((method + " " + target + " HTTP/1.1").getBytes(StandardCharsets.ISO_8859_1),
                bytes, null);
    }

    private static void assertProblem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.header("content-type")).doesNotContainIgnoringCase("ISO-8859-1");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        for (String member : new String[] {"type", "title", "detail", "instance"}) {
            assertThat(problem.hasNonNull(member)).as(member + " in " + response.text()).isTrue();
        }
    }

    @Test
    void requestsRefusedBeforeTheApplicationAreProblemsToo() throws Exception {
        String key = "Bearer " + TestKeys.key("integration", "demo");
        Map<String, String> auth = Map.of("Authorization", key);
        for (String path : new String[] {WS + "/contacts;x=1", WS + "/contacts/%25", WS + "//contacts",
                WS + "/contacts/a%2Fb/tags", WS + "/contacts/a%00b/tags", WS + "/contacts/..%2F..%2Fx",
                WS + "/contacts/%C0%AF/tags", WS + "/contacts/%zz/tags", WS + "/contacts?q=%FF",
                WS + "/contacts/" + "x".repeat(100_000)}) {
            RawHttp.Response response = raw("POST", path, auth);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertProblem(response, response.status());
        }
        assertProblem(raw("POST", WS + "/contacts", Map.of("Authorization", key, "X-Broken", "a\u0001b")), 400);
        assertProblem(raw("POST", WS + "/contacts", Map.of()), 401);
        assertProblem(raw("POST", WS + "/contacts", Map.of("Authorization", "Bearer wrong-key-of-some-length")), 401);
        assertProblem(raw("POST", "/api/v1/workspaces/other/contacts", auth), 404);
        assertProblem(raw("PUT", WS + "/custom-fields/seats", auth), 403);
        assertProblem(raw("FOO", WS + "/contacts", auth), 405);
    }

    @Test
    void aMethodACommandPathDoesNotTakeIs405WithAllow() throws Exception {
        create("methods");
        for (String method : new String[] {"GET", "PATCH"}) {
            RawHttp.Response response = raw(method, WS + "/contacts/methods/tags",
                    Map.of("Authorization", "Bearer " + TestKeys.key("integration", "demo")));
            assertProblem(response, 405);
            assertThat(response.header("allow")).contains("POST");
        }
    }

    @Test
    void unknownContactsAreNotFoundOnTheNoteAndCustomFieldEndpoints() {
        admin.put(WS + "/custom-fields/seats", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}");
        for (Response response : new Response[] {
                http.post(WS + "/contacts/nobody/notes", "{\"text\":\"t\"}"),
                http.put(WS + "/contacts/nobody/notes/n-1", "{\"text\":\"t\"}"),
                http.delete(WS + "/contacts/nobody/notes/n-1"),
                http.put(WS + "/contacts/nobody/custom-fields/seats", "{\"value\":1}"),
                http.delete(WS + "/contacts/nobody/custom-fields/seats")}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theHundredFirstTagAndFieldAre409() {
        create("tagged");
        for (int i = 0; i < 100; i++) {
            assertThat(http.post(WS + "/contacts/tagged/tags", "{\"tag\":\"t" + i + "\"}").status()).isEqualTo(200);
        }
        Response tag = http.post(WS + "/contacts/tagged/tags", "{\"tag\":\"one-too-many\"}");
        assertThat(tag.status()).isEqualTo(409);
        assertThat(tag.json().get("detail").asText()).contains("100");
        for (int i = 0; i < 100; i++) {
            assertThat(admin.put("/api/v1/workspaces/search/custom-fields/f" + i, "{\"label\":\"F\",\"type\":\"TEXT\"}",
                    TestKeys.bearer("admin", "search")).status()).isEqualTo(200);
        }
        Response field = admin.put("/api/v1/workspaces/search/custom-fields/too_many", "{\"label\":\"F\",\"type\":\"TEXT\"}",
                TestKeys.bearer("admin", "search"));
        assertThat(field.status()).isEqualTo(409);
    }

    @Test
    void badKeysAndTagsInPathsAre400AndUpperBoundsAreAccepted() {
        create("bounds");
        Response key = admin.put(WS + "/custom-fields/Bad-Key", "{\"label\":\"L\",\"type\":\"TEXT\"}");
        assertThat(key.status()).isEqualTo(400);
        assertThat(key.json().get("errors").findValuesAsText("field")).contains("key");
        Response tag = http.delete(WS + "/contacts/bounds/tags/" + "t".repeat(51));
        assertThat(tag.status()).isEqualTo(400);
        assertThat(tag.json().get("errors").findValuesAsText("field")).contains("tag");

        assertThat(http.post(WS + "/contacts/bounds/tags", "{\"tag\":\"" + "t".repeat(50) + "\"}").status()).isEqualTo(200);
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertThat(http.post(WS + "/contacts/bounds/details", "{\"email\":\"" + email + "\"}").status()).isEqualTo(200);
        admin.put(WS + "/custom-fields/bio", "{\"label\":\"Bio\",\"type\":\"TEXT\"}");
        assertThat(http.put(WS + "/contacts/bounds/custom-fields/bio", "{\"value\":\"" + "b".repeat(1_000) + "\"}").status()).isEqualTo(200);
        assertThat(http.put(WS + "/contacts/bounds/custom-fields/bio", "{\"value\":\"" + "b".repeat(1_001) + "\"}").status()).isEqualTo(400);
        assertThat(create("c".repeat(64)).status()).isEqualTo(201);
        assertThat(create("c".repeat(65)).status()).isEqualTo(400);
    }

    @Test
    void duplicateKeysAndLoneSurrogatesInBodiesAre400() {
        create("strict");
        long before = eventCount();

        Response duplicate = http.post(WS + "/contacts/strict/tags", "{\"tag\":\"a\",\"tag\":\"b\"}");
        Response surrogate = http.post(WS + "/contacts/strict/notes", "{\"text\":\"\\ud800\"}");
        Response nul = http.post(WS + "/contacts/strict/tags", "{\"tag\":\"a\\u0000\"}");

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(surrogate.json().get("errors").findValuesAsText("field")).contains("text");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aWidgetCannotChooseTheChannelOfItsContact() {
        Response created = anonymous.with(TestKeys.bearer("widget", "demo"))
                .post(WS + "/contacts", "{\"contactId\":\"w-channel\",\"channel\":\"API\"}");
        assertThat(created.status()).isEqualTo(201);
        String payload = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = 'demo/w-channel'")
                .query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).single();
        assertThat(payload).contains("\"channel\":\"WIDGET\"");
    }
}
