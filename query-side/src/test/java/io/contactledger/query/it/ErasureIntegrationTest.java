package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The right to erasure (DESIGN §9), from the outside: a person with distinctive values in every
 * personal field, merged with a second contact of theirs, imported, fed, snapshotted and
 * checkpointed, is erased; then the read model is rebuilt, and every column of every table
 * (event payloads and metadata decoded) and everything both services logged is searched for each
 * value: none is found. The history still lists every event, its personal fields null.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "ledger.checkpoints.every=5")
class ErasureIntegrationTest extends BothSidesTestBase {

    /** The values as sent and as stored (normalized): none may survive anywhere. */
    private static final List<String> PERSONAL = List.of("Zebulon Quixotefield", "zebulon.q@erase-me.example",
            "+442079460777", "2079460777", "+442079460888", "2079460888", "Zeb Q", "CUST-ERASE-77",
            "xylophone-42", "Teal-Kumquat-9");

    @Autowired
    DataSource dataSource;

    @Test
    void anErasedPersonLeavesNoPersonalValueInAnyTableOrLogAndTheirHistoryStays(CapturedOutput output) throws Exception {
        // given a contact with a value in every personal field, and more than 100 events (so it has a snapshot)
        adminCommands.put(WS + "/custom-fields/favourite", "{\"label\":\"Favourite\",\"type\":\"TEXT\"}");
        create("e-lead");
        version(commands.post(WS + "/contacts/e-lead/details",
                "{\"name\":\"Zebulon Quixotefield\",\"email\":\"Zebulon.Q@erase-me.example\",\"phone\":\"+44 20 7946 0777\"}"));
        version(commands.put(WS + "/contacts/e-lead/customer-id", "{\"customerId\":\"CUST-ERASE-77\"}"));
        version(commands.post(WS + "/contacts/e-lead/notes", "{\"text\":\"Whispered the passphrase xylophone-42\"}"));
        version(commands.put(WS + "/contacts/e-lead/custom-fields/favourite", "{\"value\":\"Teal-Kumquat-9\"}"));
        for (int i = 0; i < 55; i++) {
            version(commands.post(WS + "/contacts/e-lead/tags", "{\"tag\":\"t\"}"));
            version(commands.delete(WS + "/contacts/e-lead/tags/t"));
        }
        // and a second contact of theirs, merged into the first
        create("e-guest");
        version(commands.post(WS + "/contacts/e-guest/details", "{\"name\":\"Zeb Q\",\"phone\":\"+44 20 7946 0888\"}"));
        long merged = version(commands.post(WS + "/contacts/e-lead/merge", "{\"sourceId\":\"e-guest\"}"));
        assertThat(queries.get(WS + "/contacts/e-lead?minVersion=" + merged).status()).isEqualTo(200);
        // and an import row that matched them, a preview asked with an idempotency key, the feed read
        Http.Response imported = commands.send("POST", WS + "/imports",
                "email,name\nzebulon.q@erase-me.example,Zebulon Quixotefield\n", "text/csv");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
        JsonNode done = awaitImport(imported.json().get("importId").asText());
        assertThat(done.get("created").asInt()).as("the row matched the contact by its email: %s", done).isZero();
        create("e-other");
        assertThat(commands.post(WS + "/contacts/e-lead/merge/preview", "{\"sourceId\":\"e-other\"}", "Idempotency-Key", "p-1")
                .status()).isEqualTo(200);
        long last = version(commands.post(WS + "/contacts/e-lead/tags", "{\"tag\":\"before-erasure\"}"));
        Http.Response lead = queries.get(WS + "/contacts/e-lead?minVersion=" + last);
        assertThat(lead.json().path("name").asText()).as(lead.toString()).isEqualTo("Zebulon Quixotefield");
        Http feed = anonymousQueries.with(TestKeys.bearer("integration", "demo"));
        eventually(Duration.ofSeconds(20), () -> feed.get(WS + "/events?limit=1000").text().contains("before-erasure"), "the feed");
        assertThat(count("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = 'demo/e-lead'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM profile_checkpoint WHERE contact_id = 'e-lead'")).isPositive();
        // (the event store holds them sealed from the start: only the read models and the claim are in plain text)
        assertThat(placesHolding("Zebulon Quixotefield")).isNotEmpty().noneMatch(place -> place.startsWith("domain_event_entry"));

        // when an admin erases the second contact, which erases the pair
        Http.Response erased = adminCommands.post(WS + "/contacts/e-guest/erase", null);

        // then both are erased
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("contacts")).extracting(JsonNode::asText).containsExactlyInAnyOrder("e-guest", "e-lead");
        eventually(Duration.ofSeconds(20), () -> queries.get(WS + "/contacts/e-lead").status() == 410
                && queries.get(WS + "/contacts/e-guest").status() == 410, "both profiles to be gone");
        Http.Response gone = queries.get(WS + "/contacts/e-lead");
        assertThat(gone.json().get("erased").asBoolean()).isTrue();
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(queries.get(WS + "/contacts/e-lead?asOf=" + Instant.now()).status()).isEqualTo(410);
        assertThat(queries.get(WS + "/contacts/e-lead?atVersion=3").status()).isEqualTo(410);
        assertThat(queries.get(WS + "/contacts?q=zebulon").json().get("items")).isEmpty();
        Http.Response refused = commands.post(WS + "/contacts/e-lead/tags", "{\"tag\":\"after\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("erased").asBoolean()).isTrue();
        // and erasing again answers the same and records nothing
        long events = count("SELECT COUNT(*) FROM domain_event_entry");
        assertThat(adminCommands.post(WS + "/contacts/e-lead/erase", null).json().get("erased").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM domain_event_entry")).isEqualTo(events);

        // and the history lists every event, personal fields null, each marked erased
        JsonNode history = queries.get(WS + "/contacts/e-lead/history?limit=500").json().get("events");
        assertThat(history).hasSizeGreaterThan(110);
        assertThat(history).allMatch(event -> event.get("erased").asBoolean());
        JsonNode details = find(history, "DetailsLeft");
        assertThat(details.get("payload").get("name").isNull()).isTrue();
        assertThat(details.get("payload").get("email").isNull()).isTrue();
        assertThat(find(history, "CustomerIdLinked").get("payload").get("customerId").isNull()).isTrue();
        assertThat(find(history, "TagAdded").get("payload").get("tag").asText()).as("not personal, kept").isEqualTo("t");
        assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("ContactErased");

        // when the read model is rebuilt from the store
        assertThat(operator.post("/admin/projections/contact-profiles/rebuild", null).status()).isEqualTo(202);
        eventually(Duration.ofSeconds(60), () -> "done".equals(operator.get("/admin/projections").json().get(0)
                .path("build").path("state").asText()), "the rebuild");

        // then it is the same: gone, erased
        assertThat(queries.get(WS + "/contacts/e-lead").json().get("erased").asBoolean()).isTrue();
        assertThat(queries.get(WS + "/contacts/e-guest").json().get("erased").asBoolean()).isTrue();
        // and no table, column or log line holds any of the values
        for (String value : PERSONAL) {
            assertThat(placesHolding(value)).as("places holding %s", value).isEmpty();
            assertThat(output.getAll().toLowerCase(Locale.ROOT)).as("the logs").doesNotContain(value.toLowerCase(Locale.ROOT));
        }
        // and the customer ID is free again
        create("e-new");
        assertThat(commands.put(WS + "/contacts/e-new/customer-id", "{\"customerId\":\"CUST-ERASE-77\"}").status()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode history, String type) {
        for (JsonNode event : history) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in the history");
    }

    /** Every table.column of the database whose value (bytes read as UTF-8) contains {@code value}, any case. */
    private List<String> placesHolding(String value) throws SQLException {
        String needle = value.toLowerCase(Locale.ROOT);
        List<String> places = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("the scan sees the tables").isNotEmpty();
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object cell = rows.getObject(c);
                            String text = cell instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                    : cell instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
                                    : cell instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                                    : String.valueOf(cell);
                            if (text.toLowerCase(Locale.ROOT).contains(needle)) {
                                places.add(table.toLowerCase(Locale.ROOT) + "." + rows.getMetaData().getColumnName(c).toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        return places;
    }

    private JsonNode awaitImport(String importId) throws InterruptedException {
        eventually(Duration.ofSeconds(30), () -> "done".equals(commands.get(WS + "/imports/" + importId).json().path("status").asText()),
                "the import " + importId);
        return commands.get(WS + "/imports/" + importId).json();
    }

    private void create(String contactId) {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"" + contactId + "\"}"));
    }

    private long count(String sql) {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(sql, Long.class);
    }
}
