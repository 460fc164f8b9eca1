package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CSV imports (DESIGN §10): rows match existing contacts by customer ID, email, phone or contact ID
 * and record only what changes; unmatched rows create contacts; a refused row is named in the
 * error CSV and changes nothing; an export imported again records nothing.
 */
class ImportIntegrationTest extends BothSidesTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void rowsMatchByEachKeyRecordOnlyChangesAndRefusedRowsAreNamed() throws Exception {
        // given contacts each findable by one key, and a custom field
        adminCommands.put(WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"LIST\",\"options\":[\"free\",\"pro\"]}");
        version(commands.post(WS + "/contacts", "{\"contactId\":\"by-customer\"}"));
        version(commands.put(WS + "/contacts/by-customer/customer-id", "{\"customerId\":\"C-1\"}"));
        version(commands.post(WS + "/contacts", "{\"contactId\":\"by-email\"}"));
        version(commands.post(WS + "/contacts/by-email/details", "{\"email\":\"ada@example.com\"}"));
        version(commands.post(WS + "/contacts", "{\"contactId\":\"by-phone\"}"));
        long phoneVersion = version(commands.post(WS + "/contacts/by-phone/details", "{\"phone\":\"+442071838750\",\"name\":\"Phoebe\"}"));
        version(commands.post(WS + "/contacts", "{\"contactId\":\"by-id\"}"));
        assertThat(queries.get(WS + "/contacts/by-phone?minVersion=" + phoneVersion).status()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> queries.get(WS + "/contacts/by-email").json().path("email").asText().equals("ada@example.com"), "by-email projected");

        // when a CSV with a byte-order mark, quoted separators and newlines, and refused rows is imported
        String csv = "\uFEFFcustomerId,email,phone,contactId,name,tags,note,cf.plan\r\n"
                + "C-1,,,,\"Smith, Jo\",,,pro\r\n"                       // 2: by customer ID → updated
                + ",ADA@example.com,,,,vip;new york,,\r\n"               // 3: by email, any case → updated
                + ",,+44 20 7183 8750,,Phoebe,,,\r\n"                    // 4: by phone, other spelling, nothing new → unchanged
                + ",,,by-id,,,\"line one\nline two\",\r\n"               // 5: by contact ID, a two-line note → updated
                + ",new@example.com,,,New Person,,,free\r\n"             // 6: nobody → created
                + ",NEW@example.com,,,,later,,\r\n"                      // 7: the contact row 6 created → updated
                + ",not-an-email,,,,,,\r\n"                              // 8: refused: email
                + ",x@example.com,,,,bad!tag,,\r\n"                      // 9: refused: tags, and nothing of the row stays
                + ",y@example.com,,,,,,gold\r\n"                         // 10: refused: cf.plan
                + "only,two\r\n"                                         // 11: refused: width
                + "\r\n";                                                // a blank line is no row
        Http.Response accepted = importer().send("POST", WS + "/imports", csv, "text/csv");

        // then it is accepted, runs, and ends with exact counts
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String importId = accepted.json().get("importId").asText();
        assertThat(accepted.json().get("rows").asInt()).isEqualTo(10);
        JsonNode status = awaitDone(importId);
        assertThat(status.get("rows").asInt()).isEqualTo(10);
        assertThat(status.get("done").asInt()).isEqualTo(10);
        List<String> outcomes = jdbc.sql("SELECT row_number || ' ' || outcome || ' ' || COALESCE(contact_id, '') FROM import_row"
                + " WHERE import_id = ? ORDER BY row_number").param(importId).query(String.class).list();
        assertThat(status.get("created").asInt()).as("%s", outcomes).isEqualTo(1);
        assertThat(status.get("updated").asInt()).as("%s", outcomes).isEqualTo(4);
        assertThat(status.get("unchanged").asInt()).isEqualTo(1);
        assertThat(status.get("failed").asInt()).isEqualTo(4);

        Map<Integer, CSVRecord> errors = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(importer().get(WS + "/imports/" + importId + "/errors").text())).getRecords().stream()
                .collect(Collectors.toMap(r -> Integer.parseInt(r.get("row")), r -> r));
        assertThat(errors).containsOnlyKeys(8, 9, 10, 11);
        assertThat(errors.get(8).get("column")).isEqualTo("email");
        assertThat(errors.get(9).get("column")).isEqualTo("tags");
        assertThat(errors.get(10).get("column")).isEqualTo("cf.plan");
        assertThat(errors.get(11).get("message")).contains("2 values").contains("8");

        // and the profiles hold what the rows said
        long head = lastSequence("by-id");
        JsonNode byCustomer = profile("by-customer", lastSequence("by-customer"));
        assertThat(byCustomer.get("name").asText()).isEqualTo("Smith, Jo");
        assertThat(byCustomer.get("customFields").get("plan").asText()).isEqualTo("pro");
        assertThat(profile("by-email", lastSequence("by-email")).get("tags")).extracting(JsonNode::asText).containsExactly("new york", "vip");
        assertThat(lastSequence("by-phone")).as("nothing recorded for an unchanged row").isEqualTo(phoneVersion);
        assertThat(profile("by-id", head).get("notes").get(0).get("text").asText()).isEqualTo("line one\nline two");
        List<String> created = jdbc.sql("SELECT contact_id FROM import_row WHERE import_id = ? AND outcome = 'CREATED'")
                .param(importId).query(String.class).list();
        assertThat(created).hasSize(1);
        JsonNode newcomer = profile(created.get(0), lastSequence(created.get(0)));
        assertThat(newcomer.get("email").asText()).isEqualTo("new@example.com");
        assertThat(newcomer.get("tags")).extracting(JsonNode::asText).containsExactly("later");
        assertThat(newcomer.get("type").asText()).isEqualTo("LEAD");
        // a refused row left nothing: no contact with its email
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_row WHERE import_id = ? AND contact_id IS NOT NULL AND outcome = 'FAILED'")
                .param(importId).query(Long.class).single()).isZero();
        // every event of the import says so: channel IMPORT, the key's name, the import as correlation
        JsonNode history = queries.get(WS + "/contacts/" + created.get(0) + "/history").json().get("events");
        for (JsonNode event : history) {
            assertThat(event.get("channel").asText()).isEqualTo("IMPORT");
            assertThat(event.get("actorId").asText()).isEqualTo(TestKeys.name("integration", "demo"));
            assertThat(event.get("correlationId").asText()).isEqualTo(importId);
        }
    }

    @Test
    void semicolonSeparatedFilesAreReadAndTheExportReadsBackRecordingNothing() throws Exception {
        // given contacts imported from a ';'-separated file
        String csv = "contactId;name;email;phone;country;timezone;tags\n"
                + "rt-1;Ada Lovelace;ada.rt@example.com;020 7946 0018;GB;Europe/London;vip;\n"
                + "rt-2;\"Grace; Hopper\";grace@example.com;;US;America/New_York;\n";
        // the first data row has 8 cells (a trailing ';'), so it is refused: width
        JsonNode first = awaitDone(importer().send("POST", WS + "/imports", csv, "text/csv").json().get("importId").asText());
        assertThat(first.get("created").asInt()).isEqualTo(1);
        assertThat(first.get("failed").asInt()).isEqualTo(1);
        String fixed = "contactId;name;email;phone;country;timezone;tags\n"
                + "rt-1;Ada Lovelace;ada.rt@example.com;020 7946 0018;GB;Europe/London;\"vip;rt\"\n";
        JsonNode second = awaitDone(importer().send("POST", WS + "/imports", fixed, "text/csv").json().get("importId").asText());
        assertThat(second.get("created").asInt()).isEqualTo(1);
        assertThat(profile("rt-1", lastSequence("rt-1")).get("phone").asText()).isEqualTo("+442079460018");
        assertThat(profile("rt-2", lastSequence("rt-2")).get("name").asText()).isEqualTo("Grace; Hopper");

        // when the workspace's export is imported again
        long eventsBefore = storedEvents();
        String export = queries.get(WS + "/contacts/export?format=csv").text();
        JsonNode again = awaitDone(importer().send("POST", WS + "/imports", export, "text/csv").json().get("importId").asText());

        // then every row is unchanged and nothing is recorded
        assertThat(again.get("failed").asInt()).as(importer().get(WS + "/imports/" + again.get("importId").asText() + "/errors").text()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(again.get("rows").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void uploadsThatCannotBeReadAreRefusedWholeAndChangeNothing() {
        Http importer = importer();
        Map<String, byte[]> refused = Map.of(
                "unknown column", "contactId,nickname\nx,y\n".getBytes(StandardCharsets.UTF_8),
                "repeated column", "email,email\na@b.org,c@d.org\n".getBytes(StandardCharsets.UTF_8),
                "undefined field", "contactId,cf.nothing_here\nx,y\n".getBytes(StandardCharsets.UTF_8),
                "empty", new byte[0],
                "not UTF-8", "contactId,name\nx,\u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                "unbalanced quote", "contactId,name\nx,\"never closed\n".getBytes(StandardCharsets.UTF_8));
        long jobsBefore = jobs();
        for (Map.Entry<String, byte[]> upload : refused.entrySet()) {
            Http.Response response = importer.sendBytes("POST", WS + "/imports", upload.getValue(), "text/csv");
            assertThat(response.status()).as(upload.getKey() + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).as(upload.getKey()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("field")).as(upload.getKey()).isNotEmpty();
            assertThat(response.json().get("detail").asText()).as(upload.getKey() + ": a reason a person reads")
                    .doesNotContain("Exception", "org.", "JSON");
        }
        assertThat(importer.sendBytes("POST", WS + "/imports", new byte[0], "text/csv").json().get("detail").asText())
                .contains("header row");
        assertThat(importer.sendBytes("POST", WS + "/imports", refused.get("unbalanced quote"), "text/csv").json().get("detail")
                .asText()).contains("line 2");
        assertThat(importer.send("POST", WS + "/imports", "{\"contactId\":\"x\"}", "application/json").status()).isEqualTo(415);
        assertThat(commands.with(TestKeys.bearer("agent", "demo")).send("POST", WS + "/imports", "contactId\nx\n", "text/csv").status())
                .as("agents do not import").isEqualTo(403);
        assertThat(importer.get(WS + "/imports/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(jobs()).isEqualTo(jobsBefore);
    }

    private Http importer() {
        return commands;
    }

    private JsonNode awaitDone(String importId) throws InterruptedException {
        JsonNode[] status = new JsonNode[1];
        eventually(Duration.ofSeconds(60), () -> {
            status[0] = importer().get(WS + "/imports/" + importId).json();
            return "done".equals(status[0].get("status").asText());
        }, "import " + importId + " to be done");
        return status[0];
    }

    private JsonNode profile(String contactId, long version) {
        return queries.get(WS + "/contacts/" + contactId + "?minVersion=" + version).json();
    }

    private long lastSequence(String contactId) {
        return jdbc.sql("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param("demo/" + contactId).query(Long.class).single();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    private long jobs() {
        return jdbc.sql("SELECT COUNT(*) FROM import_job").query(Long.class).single();
    }
}
