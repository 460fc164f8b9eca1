package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactledger.support.testing.Http.Response;
import io.contactledger.support.testing.RawHttp;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The query side's edges: strict query strings, history pages and NDJSON, list limits and matches. */
@ExtendWith(OutputCaptureExtension.class)
class QueryEdgesIntegrationTest extends BothSidesTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void undecodableOrAmbiguousQueryStringsAre400Problems() throws Exception {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"edges\"}"));
        RawHttp raw = new RawHttp("localhost", queryPort);
        for (String query : new String[] {"/contacts?cursor=%FF%FE", "/contacts?q=%zz", "/contacts?q=%FF", "/contacts/edges?asOf=%FF",
                "/contacts?%FF=1", "/contacts?q=%00", "/contacts?tag=%00", "/contacts?q=%C0%AF", "/contacts/edges?atVersion=0x10",
                "/contacts/edges?atVersion=-1", "/contacts/edges?minVersion=%2B1", "/contacts?limit=%D9%A5"}) {
            RawHttp.Response response = raw.send(("GET " + WS + query + " HTTP/1.1").getBytes(StandardCharsets.US_ASCII),
                    Map.of("Authorization", ("Bearer " + TestKeys.key("agent", "demo")).getBytes(StandardCharsets.US_ASCII)), null);
            assertThat(response.status()).as(query + " " + response.text()).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).hasNonNull("instance")).isTrue();
        }
        Response both = queries.get(WS + "/contacts/edges?asOf=2026-11-23T10:00:00Z&atVersion=0");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("asOf", "atVersion")
                .doesNotContain("minVersion");
    }

    @Test
    void historyPagesOldestFirstWithCursorsAndStreamsAsNdjson() throws Exception {
        long last = version(commands.post(WS + "/contacts", "{\"contactId\":\"long\"}"));
        for (int i = 0; i < 24; i++) {
            last = version(commands.post(WS + "/contacts/long/tags", "{\"tag\":\"t" + i + "\"}"));
        }
        List<Long> sequences = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = queries.get(WS + "/contacts/long/history?limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("events").forEach(event -> sequences.add(event.get("sequence").asLong()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(sequences).hasSize(25).isSorted().startsWith(0L).endsWith(last);
        assertThat(queries.get(WS + "/contacts/long/history").json().get("events")).hasSize(25);
        assertThat(queries.get(WS + "/contacts/long/history?limit=0").status()).isEqualTo(400);
        assertThat(queries.get(WS + "/contacts/long/history?limit=1001").status()).isEqualTo(400);
        assertThat(queries.get(WS + "/contacts/long/history?limit=1000").status()).isEqualTo(200);
        String foreign = queries.get(WS + "/contacts?limit=1").json().get("nextCursor").asText();
        assertThat(queries.get(WS + "/contacts/long/history?cursor=" + foreign).status()).as("a list's cursor").isEqualTo(400);

        Response ndjson = queries.get(WS + "/contacts/long/history?format=ndjson");
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        List<String> lines = ndjson.text().lines().toList();
        assertThat(lines).hasSize(25);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = JSON.readTree(lines.get(i));
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
        }
        assertThat(queries.get(WS + "/contacts/nobody/history?format=ndjson").status()).isEqualTo(404);
    }

    @Test
    void listLimitsDefaultAndMaximumAndMatchesOnPhoneAndCustomerId() {
        for (int i = 0; i < 55; i++) {
            version(commands.post(WS + "/contacts", "{\"contactId\":\"many-" + i + "\"}"));
        }
        long last = version(commands.post(WS + "/contacts/many-54/details", "{\"name\":\"Phone Person\",\"phone\":\"+442071838750\"}"));
        last = Math.max(last, version(commands.put(WS + "/contacts/many-54/customer-id", "{\"customerId\":\"CRM-98765\"}")));
        assertThat(queries.get(WS + "/contacts/many-54?minVersion=" + last).status()).isEqualTo(200);

        assertThat(queries.get(WS + "/contacts").json().get("items")).hasSize(50);
        assertThat(queries.get(WS + "/contacts?limit=200").json().get("items").size()).isGreaterThanOrEqualTo(55);
        assertThat(queries.get(WS + "/contacts?limit=201").status()).isEqualTo(400);
        assertThat(queries.get(WS + "/contacts?q=2071838").json().get("items").findValuesAsText("contactId")).containsExactly("many-54");
        assertThat(queries.get(WS + "/contacts?q=crm-987").json().get("items").findValuesAsText("contactId")).containsExactly("many-54");
        Response pastTheEnd = queries.get(WS + "/contacts/many-54?atVersion=999");
        assertThat(pastTheEnd.status()).isEqualTo(200);
        assertThat(pastTheEnd.json().get("version").asLong()).isEqualTo(last);
    }

    /**
     * A search of several words matches the whole search as written, wherever the index looks
     * (on PostgreSQL it looks up the rarest word only and checks the rest on what it finds):
     * order, spaces, punctuation and LIKE's own wildcards all count.
     */
    @Test
    void aSearchOfSeveralWordsMatchesItWholeAsWritten() {
        String[][] people = {{"w-1", "Person 12", "p12@example.com"}, {"w-2", "Person 123", "p_123@example.com"},
                {"w-3", "12 Person", "twelve@example.com"}, {"w-4", "Personal 12", "p%12@example.org"},
                {"w-5", "Person  12", "p12@example.com"}};
        long last = 0;
        for (String[] person : people) {
            version(commands.post(WS + "/contacts", "{\"contactId\":\"" + person[0] + "\"}"));
            last = Math.max(last, version(commands.post(WS + "/contacts/" + person[0] + "/details",
                    "{\"name\":\"" + person[1] + "\",\"email\":\"" + person[2] + "\"}")));
        }
        assertThat(queries.get(WS + "/contacts/w-5?minVersion=" + last).status()).isEqualTo(200);

        assertThat(found("person%2012")).containsExactlyInAnyOrder("w-1", "w-2");
        assertThat(found("12%20person")).containsExactly("w-3");
        assertThat(found("person%20%2012")).containsExactly("w-5");
        assertThat(found("p_123%40example")).containsExactly("w-2");
        assertThat(found("p%2512%40example.org")).containsExactly("w-4");
        assertThat(found("p%2512%40example.com")).isEmpty();
        assertThat(found("p12%40example.com")).containsExactlyInAnyOrder("w-1", "w-5");
        assertThat(found("al%2012")).containsExactly("w-4");
    }

    private List<String> found(String q) {
        Response page = queries.get(WS + "/contacts?limit=200&q=" + q);
        assertThat(page.status()).as(q).isEqualTo(200);
        return page.json().get("items").findValuesAsText("contactId");
    }

    /**
     * A read that waits for its version is answered later, on another thread: the request log
     * names the answer it got (503 after the wait) and the time it took, not the 200 and the few
     * milliseconds of the moment the wait began.
     */
    @Test
    void aReadThatWaitsIsLoggedWithTheAnswerItFinallyGot(CapturedOutput output) {
        String id = "waits-" + System.nanoTime();
        long version = version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"));
        assertThat(queries.get(WS + "/contacts/" + id + "?minVersion=" + version).status()).isEqualTo(200);

        Response tooSoon = queries.get(WS + "/contacts/" + id + "?minVersion=" + (version + 50));
        Response plain = queries.get(WS + "/contacts/" + id);

        assertThat(tooSoon.status()).isEqualTo(503);
        assertThat(plain.status()).isEqualTo(200);
        String path = "GET " + WS + "/contacts/" + id + " -> ";
        assertThat(output.getOut()).containsPattern(java.util.regex.Pattern.quote(path) + "503 in [4-9]\\d{3} ms")
                .doesNotContainPattern(java.util.regex.Pattern.quote(path) + "200 in [4-9]\\d{3} ms");
    }
}
