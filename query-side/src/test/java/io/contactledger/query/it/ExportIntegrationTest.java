package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactledger.support.testing.Http;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /contacts/export} (DESIGN §10): every matching profile, past any page boundary, with
 * values that need quoting intact; CSV in the import's columns, NDJSON equal to the profiles read
 * one by one; bad parameters are 400.
 */
class ExportIntegrationTest extends BothSidesTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCsvHoldsEveryMatchingContactWithAwkwardValuesIntactAndTheFiltersOfTheList() throws Exception {
        // given more contacts than one page of the export, some with values a CSV must quote
        adminCommands.put(WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"TEXT\"}");
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<Long>> created = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            String id = "x-" + i;
            created.add(writers.submit(() -> version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"))));
        }
        for (Future<Long> f : created) {
            f.get();
        }
        writers.shutdown();
        version(commands.post(WS + "/contacts/x-7/details", Http.json(Map.of("name", "O'Brien, \"Pat\" Ünal 🙂",
                "email", "pat@example.com", "phone", "+442071838750", "country", "GB", "timezone", "Europe/London"))));
        version(commands.post(WS + "/contacts/x-7/tags", "{\"tag\":\"vip\"}"));
        version(commands.post(WS + "/contacts/x-7/tags", "{\"tag\":\"new york\"}"));
        version(commands.put(WS + "/contacts/x-7/customer-id", "{\"customerId\":\"C;7,\\\"q\\\"\"}"));
        version(commands.put(WS + "/contacts/x-7/custom-fields/plan", "{\"value\":\"pro, yearly\\nline two? no: one line\"}"));
        long last = version(commands.post(WS + "/contacts/x-9/tags", "{\"tag\":\"vip\"}"));
        assertThat(queries.get(WS + "/contacts/x-9?minVersion=" + last).status()).isEqualTo(200);
        eventually(Duration.ofSeconds(20), () -> queries.get(WS + "/contacts/x-7").json().get("tags").size() == 2, "x-7 projected");

        // when the workspace is exported as CSV
        Http.Response all = queries.get(WS + "/contacts/export?format=csv");

        // then every contact is there once, in the import's columns, the awkward values as written
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("text/csv");
        assertThat(all.header("Content-Disposition")).contains("attachment").contains("contacts-demo.csv");
        List<CSVRecord> rows = csv(all.text());
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("contactId", "name", "email", "phone",
                "country", "timezone", "customerId", "tags", "cf.plan");
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> assertThat(ids.add(row.get("contactId"))).as("once: %s", row).isTrue());
        assertThat(ids).hasSize(520);
        CSVRecord pat = rows.stream().filter(r -> r.get("contactId").equals("x-7")).findFirst().orElseThrow();
        JsonNode profile = queries.get(WS + "/contacts/x-7").json();
        assertThat(pat.get("name")).isEqualTo(profile.get("name").asText()).isEqualTo("O'Brien, \"Pat\" Ünal 🙂");
        assertThat(pat.get("email")).isEqualTo("pat@example.com");
        assertThat(pat.get("phone")).isEqualTo("+442071838750");
        assertThat(pat.get("timezone")).isEqualTo("Europe/London");
        assertThat(pat.get("customerId")).isEqualTo("C;7,\"q\"");
        assertThat(pat.get("tags")).isEqualTo("new york;vip");
        assertThat(pat.get("cf.plan")).isEqualTo(profile.get("customFields").get("plan").asText());

        // and the list's filters choose the same contacts as the list
        List<CSVRecord> vips = csv(queries.get(WS + "/contacts/export?tag=VIP").text());
        assertThat(vips).extracting(r -> r.get("contactId")).containsExactlyInAnyOrder("x-7", "x-9");
        assertThat(csv(queries.get(WS + "/contacts/export?type=customer&q=o%27brien").text()))
                .extracting(r -> r.get("contactId")).containsExactly("x-7");
    }

    @Test
    void ndjsonLinesAreTheProfilesAnAgentReads() throws Exception {
        // given contacts with notes
        for (int i = 0; i < 3; i++) {
            version(commands.post(WS + "/contacts", "{\"contactId\":\"n-" + i + "\"}"));
            version(commands.post(WS + "/contacts/n-" + i + "/tags", "{\"tag\":\"exported\"}"));
        }
        long last = version(commands.post(WS + "/contacts/n-1/notes", "{\"text\":\"line one\\nline two\",\"author\":\"a\"}"));
        assertThat(queries.get(WS + "/contacts/n-1?minVersion=" + last).status()).isEqualTo(200);

        // when exported as NDJSON with a filter
        Http.Response export = queries.get(WS + "/contacts/export?format=ndjson&tag=exported");

        // then each line is a whole profile, equal to the one GET returns
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        Map<String, JsonNode> lines = new HashMap<>();
        for (String line : export.text().split("\n")) {
            JsonNode profile = JSON.readTree(line);
            assertThat(profile.has("contactId")).as(export.text()).isTrue();
            lines.put(profile.get("contactId").asText(), profile);
        }
        assertThat(lines).containsOnlyKeys("n-0", "n-1", "n-2");
        for (Map.Entry<String, JsonNode> line : lines.entrySet()) {
            assertThat(line.getValue()).isEqualTo(queries.get(WS + "/contacts/" + line.getKey()).json());
        }
        assertThat(lines.get("n-1").get("notes").get(0).get("text").asText()).isEqualTo("line one\nline two");
    }

    @Test
    void badParametersAre400ProblemsAndAnEmptyWorkspaceIsAHeaderAlone() {
        for (String query : List.of("format=xml", "type=boss", "q=" + "a".repeat(201))) {
            Http.Response response = queries.get(WS + "/contacts/export?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        Http.Response none = queries.get(WS + "/contacts/export?q=nobody-matches-this");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.text().strip()).startsWith("contactId,name,email,phone,country,timezone,customerId,tags");
        assertThat(none.text().strip().lines()).hasSize(1);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
