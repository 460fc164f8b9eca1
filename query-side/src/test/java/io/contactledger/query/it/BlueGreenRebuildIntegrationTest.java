package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild of the profiles builds a second copy beside the live one (small batches here, so it
 * takes a while, most of them cut by their bytes before their count, so both bounds are in play): agents reading throughout never miss a profile, writes made meanwhile are in the
 * copy that goes live, the switch is one step, a second rebuild switches back, and a cancelled
 * rebuild leaves the live copy untouched.
 */
@TestPropertySource(properties = {"ledger.rebuild.batch-size=20", "ledger.rebuild.batch-bytes=4KB"})
class BlueGreenRebuildIntegrationTest extends BothSidesTestBase {

    private static final int CONTACTS = 200;

    @Autowired
    JdbcClient jdbc;

    @Test
    void givenAgentsReadingAndWriting_whenTheProfilesAreRebuilt_thenNoReadMissesAndNoWriteIsLost() throws Exception {
        seed("bg");
        String liveBefore = liveCopy();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> misses = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> written = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                String id = "bg-" + ThreadLocalRandom.current().nextInt(CONTACTS);
                Http.Response answer = queries.get(WS + "/contacts/" + id);
                reads.incrementAndGet();
                if (answer.status() != 200) {
                    misses.add(id + " " + answer.status());
                }
                Http.Response page = queries.get(WS + "/contacts?tag=seeded&limit=1");
                if (page.status() != 200 || page.json().get("items").size() != 1) {
                    misses.add("search " + page.status() + " " + page.text());
                }
            }
        });
        Thread writer = new Thread(() -> {
            for (int i = 0; rebuilding.get(); i++) {
                String id = "bg-" + (i % CONTACTS);
                Http.Response answer = commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"during-" + i + "\"}");
                if (answer.status() == 200) {
                    written.put(id + "#during-" + i, answer.json().get("version").asLong());
                }
            }
        });

        assertThat(operator.post("/admin/projections/contact-profiles/rebuild", null).status()).isEqualTo(202);
        reader.start();
        writer.start();
        JsonNode build = awaitBuild("done");
        Thread.sleep(300);
        rebuilding.set(false);
        reader.join();
        writer.join();

        System.out.printf("blue/green rebuild: %d reads during it, %d misses, %d writes during it; build %s%n",
                reads.get(), misses.size(), written.size(), build);
        assertThat(misses).as("reads answered other than 200 during the rebuild").isEmpty();
        assertThat(reads.get()).isGreaterThan(10);
        assertThat(liveCopy()).as("the rebuilt copy is live").isNotEqualTo(liveBefore);
        assertThat(build.get("eventsDone").asLong()).isPositive();
        for (Map.Entry<String, Long> write : written.entrySet()) {
            String[] idAndTag = write.getKey().split("#");
            JsonNode profile = queries.get(WS + "/contacts/" + idAndTag[0] + "?minVersion=" + write.getValue()).json();
            assertThat(profile.get("tags").toString()).as(write.getKey()).contains("\"" + idAndTag[1] + "\"");
        }
        // what the rebuilt copy holds is what a fold of the store gives, and live updates go on into it
        for (int i = 0; i < CONTACTS; i++) {
            String id = "bg-" + i;
            JsonNode current = queries.get(WS + "/contacts/" + id).json();
            JsonNode folded = queries.get(WS + "/contacts/" + id + "?atVersion=" + current.get("version").asLong()).json();
            assertThat(current).isEqualTo(folded);
        }
        long v = version(commands.post(WS + "/contacts/bg-1/tags", "{\"tag\":\"after-switch\"}"));
        assertThat(queries.get(WS + "/contacts/bg-1?minVersion=" + v).json().get("tags").toString()).contains("after-switch");

        // a second rebuild builds the other copy and switches back
        assertThat(operator.post("/admin/projections/contact-profiles/rebuild", null).status()).isEqualTo(202);
        awaitBuild("done");
        assertThat(liveCopy()).isEqualTo(liveBefore);
        assertThat(queries.get(WS + "/contacts/bg-1").json().get("tags").toString()).contains("after-switch");
    }

    @Test
    void givenARebuildUnderWay_whenItIsCancelled_thenTheLiveCopyIsUntouchedAndASecondCancelIs409() throws Exception {
        seed("cx");
        String liveBefore = liveCopy();
        JsonNode before = queries.get(WS + "/contacts/cx-7").json();

        assertThat(operator.post("/admin/projections/contact-profiles/rebuild", null).status()).isEqualTo(202);
        Http.Response cancelled = operator.delete("/admin/projections/contact-profiles/rebuild");

        assertThat(cancelled.status()).isEqualTo(200);
        awaitBuild("cancelled");
        assertThat(liveCopy()).isEqualTo(liveBefore);
        assertThat(queries.get(WS + "/contacts/cx-7").json()).isEqualTo(before);
        eventually(Duration.ofSeconds(10), () -> operator.get("/admin/projections").json().get(0).get("running").asBoolean(),
                "the projection to run");
        long v = version(commands.post(WS + "/contacts/cx-7/tags", "{\"tag\":\"after-cancel\"}"));
        assertThat(queries.get(WS + "/contacts/cx-7?minVersion=" + v).status()).isEqualTo(200);

        Http.Response again = operator.delete("/admin/projections/contact-profiles/rebuild");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(operator.delete("/admin/projections/nope/rebuild").status()).isEqualTo(404);
    }

    private void seed(String prefix) throws InterruptedException {
        long last = 0;
        for (int i = 0; i < CONTACTS; i++) {
            String id = prefix + "-" + i;
            version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"));
            version(commands.post(WS + "/contacts/" + id + "/details", "{\"name\":\"Person " + i + "\"}"));
            last = version(commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"seeded\"}"));
        }
        queries.get(WS + "/contacts/" + prefix + "-" + (CONTACTS - 1) + "?minVersion=" + last);
        eventually(Duration.ofSeconds(30), () -> operator.get("/admin/projections").json().get(0).get("lag").asLong() == 0,
                "catch-up");
    }

    private JsonNode awaitBuild(String state) throws InterruptedException {
        JsonNode[] build = new JsonNode[1];
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode status = operator.get("/admin/projections").json().get(0);
            build[0] = status.path("build");
            if ("failed".equals(build[0].path("state").asText())) {
                throw new AssertionError("the rebuild failed: " + build[0]);
            }
            return state.equals(build[0].path("state").asText()) && status.get("running").asBoolean();
        }, "the rebuild to be " + state);
        return build[0];
    }

    private String liveCopy() {
        return jdbc.sql("SELECT active FROM read_model_slot WHERE model = 'contact-profiles'").query(String.class).single();
    }
}
