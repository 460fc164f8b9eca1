package io.contactledger.query.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, the way the launcher runs it: the two real jars as separate processes on one H2
 * file database (AUTO_SERVER). A chat session shows up as a profile with its history; then the
 * query side is killed with SIGKILL, more commands are written, and the restarted query side
 * catches up with nothing missing and nothing applied twice.
 */
class TwoProcessesIT {

    private static final String WS = "/api/v1/workspaces/e2e";

    @TempDir
    Path data;
    private ServiceProcess commandSide;
    private ServiceProcess querySide;

    @BeforeEach
    void startBothSides() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(TestKeys.environment());
        env.put("LEDGER_DB_URL", "jdbc:h2:file:" + data.resolve("ledger") + ";AUTO_SERVER=TRUE");
        commandSide = new ServiceProcess("command-side", Path.of("../command-side/target/command-side.jar"), data, env).start();
        querySide = new ServiceProcess("query-side", Path.of("target/query-side.jar"), data, env).start();
    }

    @AfterEach
    void stopBothSides() throws Exception {
        if (querySide != null) {
            querySide.stop();
        }
        if (commandSide != null) {
            commandSide.stop();
        }
    }

    @Test
    void aChatSessionIsProjectedAndAKilledQuerySideCatchesUpExactly() throws Exception {
        Http commands = commandSide.http().with(TestKeys.bearer("agent", "e2e"));
        Http widget = commandSide.http().with(TestKeys.bearer("widget", "e2e"));
        String token = widget.post(WS + "/contacts", "{\"contactId\":\"v-1\",\"channel\":\"WIDGET\",\"country\":\"GB\"}",
                "X-Correlation-Id", "chat-e2e").json().get("visitorToken").asText();
        widget.post(WS + "/contacts/v-1/details", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "X-Visitor-Token", token, "X-Correlation-Id", "chat-e2e");
        long version = commands.post(WS + "/contacts/v-1/tags", "{\"tag\":\"vip\"}").json().get("version").asLong();

        JsonNode profile = querySide.http().with(TestKeys.bearer("agent", "e2e")).get(WS + "/contacts/v-1?minVersion=" + version).json();
        assertThat(profile.get("type").asText()).isEqualTo("LEAD");
        assertThat(profile.get("timezone").asText()).isEqualTo("Europe/London");
        JsonNode history = querySide.http().with(TestKeys.bearer("agent", "e2e")).get(WS + "/contacts/v-1/history").json().get("events");
        assertThat(history).hasSize(4);
        assertThat(history.get(1).get("correlationId").asText()).isEqualTo("chat-e2e");

        // commands keep coming while the query side is killed in the middle of projecting them
        int contacts = 60;
        long[] versions = new long[contacts];
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<?> sending = sender.submit(() -> {
            for (int i = 0; i < contacts; i++) {
                String id = "k-" + i;
                List<Http.Response> answers = List.of(
                        commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"),
                        commands.post(WS + "/contacts/" + id + "/notes", "{\"text\":\"first\"}"),
                        commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"t" + i + "\"}"),
                        commands.post(WS + "/contacts/" + id + "/notes", "{\"text\":\"second\"}"));
                answers.stream().filter(r -> r.status() >= 300).forEach(r -> refused.add(id + ": " + r));
                versions[i] = answers.get(3).json().get("version").asLong();
                sent.addAndGet(4);
            }
            return null;
        });
        while (sent.get() < 60) {
            Thread.sleep(5);
        }
        querySide.kill();
        sending.get();
        sender.shutdown();
        assertThat(refused).as("every command acknowledged").isEmpty();
        querySide.start();

        Http queries = querySide.http().with(TestKeys.bearer("agent", "e2e"));
        // The killed process's segment claims must time out (LEDGER_CLAIM_TIMEOUT, 10 s) before they move.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(40);
        String lastId = "k-" + (contacts - 1);
        while (queries.get(WS + "/contacts/" + lastId + "?minVersion=" + versions[contacts - 1]).status() != 200) {
            assertThat(System.nanoTime()).as("caught up in time").isLessThan(deadline);
        }
        for (int i = 0; i < contacts; i++) {
            String id = "k-" + i;
            Http.Response live = queries.get(WS + "/contacts/" + id + "?minVersion=" + versions[i]);
            assertThat(live.status()).as(id).isEqualTo(200);
            assertThat(live.json().get("notes")).as("no note lost or doubled").hasSize(2);
            assertThat(live.json().get("tags").toString()).isEqualTo("[\"t" + i + "\"]");
            assertThat(live.json()).isEqualTo(queries.get(WS + "/contacts/" + id + "?atVersion=" + versions[i]).json());
        }
        JsonNode list = queries.get(WS + "/contacts?limit=200").json().get("items");
        assertThat(list).as("every contact once").hasSize(contacts + 1);
        assertThat(Files.readString(data.resolve("query-side.log"))).doesNotContain("ERROR");
    }
}
