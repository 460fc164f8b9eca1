package io.contactledger.query.e2e;

import static io.contactledger.query.e2e.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blue/green rebuild survives the SIGKILL of the instance building it (issue: rebuild and
 * speed): the other query-side instance sees the builder's heartbeat stop, builds the copy again
 * from the start and switches to it, while agents read from it without a miss and writes go on;
 * afterwards every contact is at the version its last command answered.
 */
class RebuildTakeOverIT {

    private static final String WORKSPACE = "e2e";
    private static final String WS = "/api/v1/workspaces/" + WORKSPACE;
    private static final int CONTACTS = 1_500;

    @TempDir
    Path logs;
    private PostgresFleet fleet;

    @AfterEach
    void stopAll() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aBuilderKilledMidBuildIsTakenOverAndTheCopyGoesLiveWithNothingMissing() throws Exception {
        // small rebuild batches, so the build is still under way when its builder dies
        fleet = new PostgresFleet("rebuild_take_over", logs, Map.of("LEDGER_REBUILD_BATCHSIZE", "20",
                "LEDGER_REBUILD_CHECKINTERVALMS", "200"));
        ServiceProcess command = fleet.start("command", PostgresFleet.COMMAND_JAR);
        ServiceProcess builder = fleet.start("query-builder", PostgresFleet.QUERY_JAR);
        ServiceProcess survivor = fleet.start("query-survivor", PostgresFleet.QUERY_JAR);
        Http writes = command.http().with(TestKeys.bearer("integration", WORKSPACE));
        Http reads = survivor.http().with(TestKeys.bearer("agent", WORKSPACE));
        Map<String, Long> versions = new ConcurrentHashMap<>();

        // given contacts with a few events each, projected
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> seeding = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            seeding.add(pool.submit(() -> {
                for (int i = thread; i < CONTACTS; i += 8) {
                    String id = "c-" + i;
                    writes.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}");
                    writes.post(WS + "/contacts/" + id + "/details", "{\"name\":\"Contact " + i + "\",\"email\":\"c" + i + "@rebuild.org\"}");
                    versions.put(id, version(writes.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"t" + (i % 7) + "\"}")));
                }
            }));
        }
        for (Future<?> done : seeding) {
            done.get();
        }
        String lastSeeded = "c-" + (CONTACTS - 1);
        eventually(Duration.ofSeconds(60), () -> reads.get(WS + "/contacts/" + lastSeeded + "?minVersion=" + versions.get(lastSeeded))
                .status() == 200, "the seeded contacts to be projected");

        // and an agent reading from the survivor, and writes going on, all through what follows
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong misses = new AtomicLong();
        AtomicLong readsDone = new AtomicLong();
        Future<?> agent = pool.submit(() -> {
            Random random = new Random(3);
            while (running.get()) {
                int status = reads.get(WS + "/contacts/c-" + random.nextInt(CONTACTS)).status();
                readsDone.incrementAndGet();
                if (status != 200) {
                    misses.incrementAndGet();
                }
            }
        });
        Future<?> writer = pool.submit(() -> {
            Random random = new Random(5);
            while (running.get()) {
                String id = "c-" + random.nextInt(CONTACTS);
                synchronized (versions) {
                    versions.put(id, version(writes.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"late-" + random.nextInt(50) + "\"}")));
                }
            }
        });

        // when a rebuild is asked of one instance, and that instance is SIGKILLed while it builds
        Http builderOps = builder.http().with(TestKeys.operator());
        Http survivorOps = survivor.http().with(TestKeys.operator());
        assertThat(builderOps.post("/admin/projections/contact-profiles/rebuild", null).status()).isEqualTo(202);
        eventually(Duration.ofSeconds(30), () -> {
            JsonNode build = survivorOps.get("/admin/projections").json().get(0).path("build");
            return "building".equals(build.path("state").asText()) && build.path("eventsDone").asLong() > 0;
        }, "the build to be under way");
        JsonNode atKill = survivorOps.get("/admin/projections").json().get(0).path("build");
        builder.kill();

        // then the survivor takes the build over and switches to the copy
        eventually(Duration.ofSeconds(120), () -> "done".equals(survivorOps.get("/admin/projections").json().get(0)
                .path("build").path("state").asText()), "the build to be taken over and finished");
        running.set(false);
        agent.get();
        writer.get();
        pool.shutdown();
        assertThat(atKill.path("eventsDone").asLong()).as("killed mid-build").isLessThan(atKill.path("eventsTotal").asLong());
        assertThat(Files.readString(logs.resolve("query-survivor.log"))).contains("lost its builder");
        assertThat(misses.get()).as("reads answered other than 200 out of %d", readsDone.get()).isZero();
        assertThat(readsDone.get()).isPositive();
        // and every contact, written before, during and after, is at the version its last command answered
        for (Map.Entry<String, Long> expected : versions.entrySet()) {
            Http.Response profile = reads.get(WS + "/contacts/" + expected.getKey() + "?minVersion=" + expected.getValue());
            assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
            assertThat(profile.json().get("version").asLong()).as(expected.getKey()).isEqualTo(expected.getValue());
        }
        JsonNode status = survivorOps.get("/admin/projections").json().get(0);
        assertThat(status.get("error").asBoolean()).isFalse();
    }

    private static long version(Http.Response response) {
        if (response.status() >= 300) {
            throw new AssertionError("command failed: " + response);
        }
        return response.json().get("version").asLong();
    }
}
