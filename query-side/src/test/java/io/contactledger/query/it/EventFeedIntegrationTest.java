package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The integration feed (DESIGN §10): a consumer that keeps {@code nextAfter} sees each of its
 * workspace's events once, in order, while commands keep arriving; long polls answer as soon as
 * an event lands; bad parameters are 400 and the feed can never be rebuilt.
 */
class EventFeedIntegrationTest extends BothSidesTestBase {

    @Autowired
    JdbcClient jdbc;

    Http feed;

    @BeforeEach
    void feedReader() {
        feed = anonymousQueries.with(TestKeys.bearer("integration", "demo"));
    }

    @Test
    void aConsumerFollowingNextAfterSeesEveryEventOnceAndInOrderWhileCommandsRun() throws Exception {
        // given writers on several contacts, some commands no-ops, and another workspace writing too
        Http otherCommands = new Http(commands.base()).with(TestKeys.bearer("integration", "other"));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> writing = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writing.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 15; i++) {
                    String id = "feed-" + writer + "-" + i;
                    version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"));
                    version(commands.post(WS + "/contacts/" + id + "/details", "{\"name\":\"P " + i + "\",\"email\":\"p" + i + "@x.org\"}"));
                    version(commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"vip\"}"));
                    version(commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"vip\"}")); // a no-op: no event
                    version(otherCommands.post("/api/v1/workspaces/other/contacts", "{\"contactId\":\"" + id + "\"}"));
                }
            }, writers));
        }

        // when a consumer follows the feed in small pages while they write
        List<JsonNode> seen = new ArrayList<>();
        long after = 0;
        CompletableFuture<Void> allWritten = CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen.size() < storedEvents("demo/") && System.nanoTime() < deadline || !allWritten.isDone()) {
            Http.Response page = feed.get(WS + "/events?limit=7&wait=1&after=" + after);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("events").forEach(seen::add);
            after = page.json().get("nextAfter").asLong();
        }
        allWritten.get();
        writers.shutdown();
        Http.Response tail = feed.get(WS + "/events?after=" + after);
        tail.json().get("events").forEach(seen::add);

        // then it saw each stored event of its workspace exactly once, positions rising, versions in order per contact
        assertThat(seen).hasSize((int) storedEvents("demo/"));
        Set<String> ids = new HashSet<>();
        long lastPosition = 0;
        Map<String, Long> lastVersion = new HashMap<>();
        for (JsonNode event : seen) {
            assertThat(ids.add(event.get("eventId").asText())).as("seen once: %s", event).isTrue();
            assertThat(event.get("position").asLong()).isGreaterThan(lastPosition);
            lastPosition = event.get("position").asLong();
            String contact = event.get("contactId").asText();
            long version = event.get("version").asLong();
            assertThat(version).as("%s's next version", contact).isEqualTo(lastVersion.getOrDefault(contact, -1L) + 1);
            lastVersion.put(contact, version);
        }
        Map<String, Long> written = new HashMap<>(lastVersion);
        written.keySet().removeIf(contact -> !contact.startsWith("feed-"));
        assertThat(written).hasSize(60);
        assertThat(written.values()).allMatch(v -> v == 3, "created, details left, promoted, tagged");
        JsonNode details = seen.stream().filter(e -> e.get("type").asText().equals("DetailsLeft")).findFirst().orElseThrow();
        assertThat(details.get("payload").get("email").asText()).endsWith("@x.org");
        assertThat(details.get("metadata").get("actorKind").asText()).isEqualTo("INTEGRATION");
        assertThat(details.get("metadata").get("channel").asText()).isEqualTo("API");
        assertThat(details.get("occurredAt").asText()).isNotBlank();
    }

    @Test
    void aLongPollAnswersWhenAnEventLandsAndAnEmptyPageAtItsEnd() throws Exception {
        // given a consumer at the head of the feed
        version(commands.post(WS + "/contacts", "{\"contactId\":\"poll-0\"}"));
        long head = headOfFeed();

        // when it long-polls and a command lands meanwhile
        CompletableFuture<Http.Response> poll = CompletableFuture.supplyAsync(() -> feed.get(WS + "/events?wait=20&after=" + head));
        Thread.sleep(300);
        assertThat(poll).as("nothing newer yet: still waiting").isNotDone();
        version(commands.post(WS + "/contacts/poll-0/tags", "{\"tag\":\"woken\"}"));

        // then it answers with that event long before the wait is over
        Http.Response answer = poll.get(10, TimeUnit.SECONDS);
        assertThat(answer.json().get("events")).hasSize(1);
        assertThat(answer.json().get("events").get(0).get("payload").get("tag").asText()).isEqualTo("woken");
        assertThat(answer.json().get("nextAfter").asLong()).isGreaterThan(head);

        // and a poll with nothing to find answers an empty page that keeps its place
        long now = answer.json().get("nextAfter").asLong();
        Http.Response empty = feed.get(WS + "/events?wait=1&after=" + now);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("events")).isEmpty();
        assertThat(empty.json().get("nextAfter").asLong()).isEqualTo(now);
    }

    @Test
    void badParametersAre400AndTheFeedIsNeverRebuilt() {
        for (String query : List.of("after=-1", "after=abc", "after=0x10", "limit=0", "limit=1001", "wait=31", "wait=-1", "wait=1.5")) {
            Http.Response response = feed.get(WS + "/events?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(queries.get(WS + "/events").status()).as("an agent is not an integration").isEqualTo(403);

        Http.Response rebuild = operator.post("/admin/projections/event-feed/rebuild", null);

        assertThat(rebuild.status()).isEqualTo(409);
        assertThat(rebuild.contentType()).startsWith("application/problem+json");
    }

    private long headOfFeed() throws InterruptedException {
        eventually(Duration.ofSeconds(20), () -> feedHolds("demo/"), "the feed to hold every stored event");
        long head = 0;
        JsonNode page;
        do {
            page = feed.get(WS + "/events?limit=1000&after=" + head).json();
            head = page.get("nextAfter").asLong();
        } while (!page.get("events").isEmpty());
        return head;
    }

    private boolean feedHolds(String streamPrefix) {
        long inFeed = jdbc.sql("SELECT COUNT(*) FROM event_feed WHERE workspace_id = ?")
                .param(streamPrefix.substring(0, streamPrefix.length() - 1)).query(Long.class).single();
        return inFeed == storedEvents(streamPrefix);
    }

    private long storedEvents(String streamPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?")
                .param(streamPrefix + "%").query(Long.class).single();
    }
}
