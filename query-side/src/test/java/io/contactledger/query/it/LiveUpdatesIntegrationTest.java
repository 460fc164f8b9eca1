package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The update streams of DESIGN §8 over HTTP, as the console reads them: the profile at once, then
 * every committed version in order; the workspace's changes and only its own; a heartbeat on an
 * idle stream; the same keys and roles as every other read.
 */
@TestPropertySource(properties = "ledger.live.heartbeat-ms=600")
class LiveUpdatesIntegrationTest extends BothSidesTestBase {

    private static final Duration SOON = Duration.ofSeconds(5);

    private EventStreamReader stream(String path, String role, String workspace) throws Exception {
        return EventStreamReader.open("http://localhost:" + queryPort + path, TestKeys.bearer(role, workspace));
    }

    @Test
    void givenAnOpenProfileStream_whenCommandsAreRecorded_thenEachCommittedVersionArrivesInOrder() throws Exception {
        long created = version(commands.post(WS + "/contacts", "{\"contactId\":\"live-ada\"}"));
        queries.get(WS + "/contacts/live-ada?minVersion=" + created);

        try (EventStreamReader updates = stream(WS + "/contacts/live-ada/updates", "agent", "demo")) {
            assertThat(updates.status()).isEqualTo(200);
            assertThat(updates.contentType()).startsWith("text/event-stream");
            EventStreamReader.Event first = updates.next("profile", SOON);
            assertThat(first.json().get("contactId").asString()).isEqualTo("live-ada");
            assertThat(first.json().get("version").asLong()).isEqualTo(created);
            assertThat(first.id()).isEqualTo(Long.toString(created));

            List<Long> acknowledged = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                acknowledged.add(version(commands.post(WS + "/contacts/live-ada/tags", "{\"tag\":\"t" + i + "\"}")));
                Thread.sleep(60);
            }
            long last = acknowledged.get(acknowledged.size() - 1);
            List<Long> seen = new ArrayList<>();
            while (seen.isEmpty() || seen.get(seen.size() - 1) < last) {
                EventStreamReader.Event event = updates.next("profile", SOON);
                seen.add(event.json().get("version").asLong());
                assertThat(event.json().get("tags").size()).isEqualTo(Math.toIntExact(seen.get(seen.size() - 1) - created));
            }
            // versions only rise, and the stream ends at the last acknowledged one
            assertThat(seen).isSorted().doesNotHaveDuplicates();
            assertThat(seen.get(seen.size() - 1)).isEqualTo(last);
        }
    }

    @Test
    void givenAWorkspaceStream_whenContactsChangeHereAndElsewhere_thenOnlyThisWorkspacesChangesArrive() throws Exception {
        Http otherCommands = new Http("http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port"))
                .with(TestKeys.bearer("integration", "other"));
        try (EventStreamReader updates = stream(WS + "/updates", "auditor", "demo")) {
            assertThat(updates.status()).isEqualTo(200);
            version(otherCommands.post("/api/v1/workspaces/other/contacts", "{\"contactId\":\"not-yours\"}"));
            long v = version(commands.post(WS + "/contacts", "{\"contactId\":\"live-grace\"}"));
            EventStreamReader.Event event = updates.next("contact", SOON);
            while (!event.json().get("contactId").asString().equals("live-grace")) {
                assertThat(event.json().get("contactId").asString()).isNotEqualTo("not-yours");
                event = updates.next("contact", SOON);
            }
            assertThat(event.json().get("version").asLong()).isEqualTo(v);
            assertThat(event.json().get("type").asString()).isEqualTo("GUEST");
            assertThat(updates.drain(Duration.ofMillis(800))).noneMatch(e -> e.data().contains("not-yours"));
        }
    }

    @Test
    void givenAnIdleStream_thenAHeartbeatCommentKeepsItOpen() throws Exception {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"live-idle\"}"));
        queries.get(WS + "/contacts/live-idle?minVersion=0");
        try (EventStreamReader updates = stream(WS + "/contacts/live-idle/updates", "integration", "demo")) {
            updates.next("profile", SOON);
            updates.next("comment", Duration.ofSeconds(3));
            updates.next("comment", Duration.ofSeconds(3));
        }
    }

    @Test
    void streamsAreReadsLikeAnyOther_sameKeysRolesAndWorkspaces() throws Exception {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"live-guarded\"}"));
        queries.get(WS + "/contacts/live-guarded?minVersion=0");
        for (String path : List.of(WS + "/contacts/live-guarded/updates", WS + "/updates")) {
            for (String[] roleAndStatus : new String[][] {{"widget", "403"}, {"admin", "200"}}) {
                try (EventStreamReader updates = stream(path, roleAndStatus[0], "demo")) {
                    assertThat(updates.status()).as(roleAndStatus[0] + " " + path).isEqualTo(Integer.parseInt(roleAndStatus[1]));
                }
            }
            try (EventStreamReader foreign = stream(path.replace("/demo/", "/other/"), "agent", "demo");
                 EventStreamReader anonymous = EventStreamReader.open("http://localhost:" + queryPort + path);
                 EventStreamReader operatorKey = EventStreamReader.open("http://localhost:" + queryPort + path, TestKeys.operator())) {
                assertThat(foreign.status()).isEqualTo(404);
                assertThat(anonymous.status()).isEqualTo(401);
                assertThat(operatorKey.status()).isEqualTo(403);
                assertThat(anonymous.contentType()).startsWith("application/problem+json");
            }
        }
        try (EventStreamReader unknown = stream(WS + "/contacts/nobody-here/updates", "agent", "demo");
             EventStreamReader badId = stream(WS + "/contacts/%20bad%20/updates", "agent", "demo")) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.body()).contains("not-found");
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.contentType()).startsWith("application/problem+json");
        }
    }
}
