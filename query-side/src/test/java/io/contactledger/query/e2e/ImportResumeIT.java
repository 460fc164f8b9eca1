package io.contactledger.query.e2e;

import static io.contactledger.query.e2e.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import survives the SIGKILL of the command side running it (DESIGN §10): a generated file
 * (2 % refused rows, rows matching existing contacts by each key, rows repeating a contact created
 * earlier in the same file) is killed a third of the way through; another instance resumes it and
 * it ends with exactly the counts the generator expects, and the store holds no effect twice.
 * 20,000 rows in the build (about 3 minutes); {@code -Dledger.it.import-rows=100000} is the size.
 */
class ImportResumeIT {

    private static final String WORKSPACE = "e2e";
    private static final String WS = "/api/v1/workspaces/" + WORKSPACE;
    private static final int ROWS = Integer.getInteger("ledger.it.import-rows", 20_000);
    private static final int SEEDS = 100;

    @TempDir
    Path logs;
    private PostgresFleet fleet;
    private TestDatabase database;

    @AfterEach
    void stopAll() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
    }

    /** The file, and what running it must come to. */
    record Generated(String csv, int created, int updated, int unchanged, Set<Integer> failedRows, int notes) {
    }

    @Test
    void aJobKilledHalfwayIsResumedElsewhereWithExactCountsAndNoEffectTwice() throws Exception {
        fleet = new PostgresFleet("import_resume", logs, Map.of());
        database = fleet.database();
        ServiceProcess commandA = fleet.start("command-a", PostgresFleet.COMMAND_JAR);
        ServiceProcess query = fleet.start("query", PostgresFleet.QUERY_JAR);
        Http integration = commandA.http().with(TestKeys.bearer("integration", WORKSPACE));

        // given contacts to be found by customer ID, email, phone and contact ID
        long last = 0;
        for (int j = 0; j < SEEDS; j++) {
            integration.post(WS + "/contacts", "{\"contactId\":\"cust-" + j + "\"}");
            integration.put(WS + "/contacts/cust-" + j + "/customer-id", "{\"customerId\":\"CID-" + j + "\"}");
            integration.post(WS + "/contacts", "{\"contactId\":\"mail-" + j + "\"}");
            integration.post(WS + "/contacts/mail-" + j + "/details", "{\"email\":\"mail-" + j + "@seed.org\"}");
            integration.post(WS + "/contacts", "{\"contactId\":\"tel-" + j + "\"}");
            integration.post(WS + "/contacts/tel-" + j + "/details", "{\"phone\":\"+44 20 7946 0" + String.format("%03d", j) + "\"}");
            last = integration.post(WS + "/contacts", "{\"contactId\":\"id-" + j + "\"}").json().get("version").asLong();
        }
        Http reads = query.http().with(TestKeys.bearer("agent", WORKSPACE));
        eventually(Duration.ofSeconds(60), () -> reads.get(WS + "/contacts?q=%2B44207946" + "0" + String.format("%03d", SEEDS - 1))
                .json().get("items").size() == 1, "the seeded contacts to be projected");
        Generated file = generate();

        // when the import is killed with its instance a third of the way through
        Http.Response accepted = integration.send("POST", WS + "/imports", file.csv(), "text/csv");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String importId = accepted.json().get("importId").asText();
        long started = System.nanoTime();
        eventually(Duration.ofMinutes(15), () -> integration.get(WS + "/imports/" + importId).json().get("done").asInt() >= ROWS / 3,
                "a third of the rows");
        double seconds = (System.nanoTime() - started) / 1e9;
        int doneAtKill = integration.get(WS + "/imports/" + importId).json().get("done").asInt();
        System.out.printf("import: %d rows in %.1f s before the kill (%.0f rows/s)%n", doneAtKill, seconds, doneAtKill / seconds);
        commandA.kill();
        ServiceProcess commandB = fleet.start("command-b", PostgresFleet.COMMAND_JAR);
        Http resumed = commandB.http().with(TestKeys.bearer("integration", WORKSPACE));

        // then another instance takes it over and it ends with the generator's counts
        eventually(Duration.ofMinutes(20), () -> "done".equals(resumed.get(WS + "/imports/" + importId).json().get("status").asText()),
                "the resumed import to finish");
        JsonNode status = resumed.get(WS + "/imports/" + importId).json();
        assertThat(status.get("rows").asInt()).isEqualTo(ROWS);
        assertThat(status.get("done").asInt()).isEqualTo(ROWS);
        assertThat(status.get("created").asInt()).isEqualTo(file.created());
        assertThat(status.get("updated").asInt()).isEqualTo(file.updated());
        assertThat(status.get("unchanged").asInt()).isEqualTo(file.unchanged());
        assertThat(status.get("failed").asInt()).isEqualTo(file.failedRows().size());
        Set<Integer> named = new HashSet<>();
        for (CSVRecord error : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(resumed.get(WS + "/imports/" + importId + "/errors").text()))) {
            assertThat(error.get("column")).isEqualTo("email");
            named.add(Integer.parseInt(error.get("row")));
        }
        assertThat(named).isEqualTo(file.failedRows());

        // and the store holds each effect once: one contact per created row, one note per note row
        assertThat(count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'e2e/%'"
                + " AND payload_type LIKE '%ContactCreated'")).isEqualTo(4L * SEEDS + file.created());
        assertThat(count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE 'e2e/%'"
                + " AND payload_type LIKE '%NoteWritten'")).isEqualTo(file.notes());
        assertThat(count("SELECT COUNT(*) FROM (SELECT aggregate_identifier, sequence_number FROM domain_event_entry"
                + " GROUP BY aggregate_identifier, sequence_number HAVING COUNT(*) > 1) twice")).isZero();
    }

    /**
     * Fifty rows repeat: one refused (a bad email), one each matching a seeded contact by customer
     * ID (a new tag: updated), email (a name, the same each time: updated once, then unchanged),
     * phone in another spelling (a note: updated) and contact ID (a tag, the same each time), one
     * repeating the email of the contact the row before it created (updated), and 44 new contacts.
     */
    private static Generated generate() {
        StringBuilder csv = new StringBuilder("contactId,name,email,phone,country,customerId,tags,note\n");
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int notes = 0;
        Set<Integer> failed = new HashSet<>();
        Set<Integer> namedSeeds = new HashSet<>();
        Set<Integer> taggedSeeds = new HashSet<>();
        for (int r = 0; r < ROWS; r++) {
            int k = r % 50;
            int j = (r / 50) % SEEDS;
            String row = switch (k) {
                case 0 -> ",,bad-email-" + r + ",,,,,";
                case 1 -> ",,,,,CID-" + j + ",t-" + r + ",";
                case 2 -> ",Seed " + j + ",mail-" + j + "@seed.org,,,,,";
                case 3 -> ",,,020 7946 0" + String.format("%03d", j) + ",GB,,,\"note " + r + ", two lines\nsecond\"";
                case 4 -> "id-" + j + ",,,,,,vip,";
                case 6 -> ",,NEW-" + (r - 1) + "@FILE.ORG,,,,again,";
                default -> ",Person " + r + ",new-" + r + "@file.org,,,,,";
            };
            csv.append(row).append('\n');
            switch (k) {
                case 0 -> failed.add(r + 2);
                case 2 -> {
                    if (namedSeeds.add(j)) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
                case 4 -> {
                    if (taggedSeeds.add(j)) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
                case 1, 6 -> updated++;
                case 3 -> {
                    updated++;
                    notes++;
                }
                default -> created++;
            }
        }
        return new Generated(csv.toString(), created, updated, unchanged, failed, notes);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
