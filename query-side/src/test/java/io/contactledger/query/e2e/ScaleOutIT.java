package io.contactledger.query.e2e;

import static io.contactledger.query.e2e.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on PostgreSQL with real processes: two command-side and two query-side instances on
 * one database. Concurrent writes to the same contacts through both command instances lose
 * nothing; the query instances split the segments, a SIGKILLed one's segments are taken over, and
 * a rebuild asked of one instance while the other runs ends consistent.
 */
class ScaleOutIT {

    private static final String WS = "/api/v1/workspaces/scale";
    private static final String PROFILES = "contact-profiles";

    // the services' logs are kept when the test fails
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path logs;
    private PostgresFleet fleet;
    private TestDatabase database;

    @AfterEach
    void stopAll() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
    }

    private ServiceProcess start(String name, String jar) throws Exception {
        return fleet.start(name, jar);
    }

    @Test
    void twoInstancesOfEachSideShareOneDatabaseWithoutLosingOrDoublingAnything() throws Exception {
        fleet = new PostgresFleet("scale_out", logs, Map.of("LEDGER_PROCESSOR_SEGMENTS", "4"));
        database = fleet.database();
        ServiceProcess commandA = start("command-a", PostgresFleet.COMMAND_JAR);
        ServiceProcess commandB = start("command-b", PostgresFleet.COMMAND_JAR);
        ServiceProcess queryA = start("query-a", PostgresFleet.QUERY_JAR);
        ServiceProcess queryB = start("query-b", PostgresFleet.QUERY_JAR);
        String[] integration = TestKeys.bearer("integration", "scale");
        List<Http> commands = List.of(commandA.http().with(integration), commandB.http().with(integration));

        // (a) 4 threads, 400 tag commands on the same 4 contacts, each contact's through both command instances.
        for (int c = 0; c < 4; c++) {
            assertThat(commands.get(c % 2).post(WS + "/contacts", "{\"contactId\":\"hot-" + c + "\"}").status()).isEqualTo(201);
        }
        AtomicInteger failures = new AtomicInteger();
        runConcurrently(4, 400, i -> {
            Http.Response r = commands.get((i / 4) % 2).post(WS + "/contacts/hot-" + (i % 4) + "/tags", "{\"tag\":\"tag-" + i + "\"}");
            if (r.status() != 200) {
                failures.incrementAndGet();
            }
        });
        assertThat(failures).hasValue(0);
        for (int c = 0; c < 4; c++) {
            List<Long> sequences = longs("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = 'scale/hot-"
                    + c + "' AND payload_type LIKE '%TagAdded' ORDER BY sequence_number");
            assertThat(sequences).as("100 TagAdded on hot-" + c + ", numbered 1..100 without holes").hasSize(100);
            assertThat(sequences.get(0)).isEqualTo(1L);
            assertThat(sequences.get(99)).isEqualTo(100L);
            JsonNode profile = queryA.http().with(TestKeys.bearer("agent", "scale")).get(WS + "/contacts/hot-" + c + "?minVersion=100").json();
            assertThat(profile.get("tags")).hasSize(100);
        }

        // (b) both query instances own segments; one is killed during a load of 5,000 commands.
        eventually(Duration.ofSeconds(40), () -> owners() == 2, "both query instances to own segments");
        AtomicInteger sent = new AtomicInteger();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> kill = killer.submit(() -> {
            while (sent.get() < 1500) {
                Thread.onSpinWait();
            }
            queryB.kill();
            return null;
        });
        runConcurrently(8, 5000, i -> {
            String id = "load-" + (i % 500);
            // every contact's commands go through both instances in turn
            Http http = commands.get((i / 500) % 2);
            Http.Response r = i < 500 ? http.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}")
                    : switch (i % 3) {
                        case 0 -> http.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"t" + (i % 7) + "\"}");
                        case 1 -> http.post(WS + "/contacts/" + id + "/details", "{\"name\":\"N " + (i % 11) + "\"}");
                        default -> http.post(WS + "/contacts/" + id + "/notes", "{\"text\":\"n " + i + "\",\"author\":\"a\"}");
                    };
            sent.incrementAndGet();
            if (r.status() >= 300) {
                failures.incrementAndGet();
            }
        }, 500);
        kill.get();
        killer.shutdown();
        assertThat(failures).hasValue(0);
        Http survivor = queryA.http().with(TestKeys.operator());
        Http survivorReads = queryA.http().with(TestKeys.bearer("agent", "scale"));
        eventually(Duration.ofSeconds(60), () -> caughtUp(survivor), "the survivor to take over every segment");
        assertThat(owners()).isEqualTo(1);
        Map<String, String> live = readModel();
        assertThat(live).hasSize(504);
        Map<String, Long> lastSequences = lastSequences();
        assertThat(lastSequences).hasSize(504);
        for (Map.Entry<String, String> profile : live.entrySet()) {
            JsonNode stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(profile.getValue());
            long last = lastSequences.get(profile.getKey());
            assertThat(stored.get("version").asLong()).as("%s holds the store's last event", profile.getKey()).isEqualTo(last);
            JsonNode replayed = survivorReads.get(WS + "/contacts/" + profile.getKey() + "?atVersion=" + last).json();
            assertThat(stored).as(profile.getKey()).isEqualTo(replayed);
        }

        // (c) a rebuild asked of one instance while the other runs ends consistent.
        ServiceProcess queryC = start("query-c", PostgresFleet.QUERY_JAR);
        eventually(Duration.ofSeconds(40), () -> owners() == 2, "the new instance to take its share");
        Http newcomer = queryC.http().with(TestKeys.operator());
        assertThat(newcomer.post("/admin/projections/" + PROFILES + "/rebuild", null).status()).isEqualTo(202);
        eventually(Duration.ofSeconds(60), () -> rebuildDone() && caughtUp(survivor) && caughtUp(newcomer)
                && readModel().equals(live), "the rebuilt read model to equal the one before");
    }

    private interface Command {
        void send(int i) throws Exception;
    }

    private static void runConcurrently(int threads, int count, Command command) throws Exception {
        runConcurrently(threads, count, command, 0);
    }

    /** The first {@code ordered} commands run before the rest, e.g. creations before the changes to them. */
    private static void runConcurrently(int threads, int count, Command command, int ordered) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int[] range : new int[][] {{0, ordered}, {ordered, count}}) {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int i = range[0]; i < range[1]; i++) {
                    int n = i;
                    tasks.add(() -> {
                        command.send(n);
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(tasks)) {
                    done.get();
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static boolean caughtUp(Http query) {
        Http.Response answer = query.get("/admin/projections");
        assertThat(answer.status()).as("GET /admin/projections answered %s", answer.text()).isEqualTo(200);
        JsonNode profiles = answer.json().get(0);
        return profiles.get("lag").asLong() == 0 && !profiles.get("replaying").asBoolean() && profiles.get("running").asBoolean();
    }

    /** The profiles' blue/green rebuild has switched to its copy. */
    private boolean rebuildDone() {
        return longs("SELECT COUNT(*) FROM read_model_build WHERE model = '" + PROFILES + "' AND state = 'done'").get(0) == 1;
    }

    /** The copy of the profile read model that reads use now. */
    private String liveProfileTable() {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet slot = sql.executeQuery("SELECT active FROM read_model_slot WHERE model = '" + PROFILES + "'")) {
            slot.next();
            return slot.getString(1).equals("a") ? "contact_profile" : "contact_profile_" + slot.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long owners() {
        return longs("SELECT COUNT(DISTINCT owner) FROM token_entry WHERE processor_name = '" + PROFILES
                + "' AND owner IS NOT NULL").get(0);
    }

    private Map<String, String> readModel() {
        Map<String, String> documents = new HashMap<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT contact_id, document FROM " + liveProfileTable()
                     + " WHERE workspace_id = 'scale'")) {
            while (rows.next()) {
                documents.put(rows.getString(1), rows.getString(2));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return documents;
    }

    /** The last sequence number of every contact of the workspace, from the event store. */
    private Map<String, Long> lastSequences() {
        Map<String, Long> last = new HashMap<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT aggregate_identifier, MAX(sequence_number) FROM domain_event_entry"
                     + " WHERE aggregate_identifier LIKE 'scale/%' GROUP BY aggregate_identifier")) {
            while (rows.next()) {
                last.put(rows.getString(1).substring("scale/".length()), rows.getLong(2));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return last;
    }

    private List<Long> longs(String query) {
        List<Long> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

}
