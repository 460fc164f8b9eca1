package io.contactledger.command.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactledger.command.CommandSideApplication;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A contact with a long history is loaded from its latest snapshot: snapshots are taken as the
 * history grows, a contact loaded from one decides exactly as one loaded from every event, and a
 * snapshot that no longer reads is skipped in favour of the events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = CommandSideApplication.CONFIG_NAME)
class LongHistoriesTest {

    private static final String WS = "/api/v1/workspaces/demo";
    private static TestDatabase database;

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cache contactCache;

    @BeforeAll
    static void freshDatabase() {
        database = TestDatabase.create("long_histories");
    }

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, () -> database);
    }

    private Http http() {
        return new Http("http://localhost:" + port).with(TestKeys.bearer("integration", "demo"));
    }

    private long version(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isLessThan(300);
        return response.json().get("version").asLong();
    }

    @Test
    void givenAContactWithHundredsOfEvents_whenItIsLoadedAgain_thenItComesFromASnapshotAndDecidesTheSame() {
        Http http = http();
        long last = contactWithChurn(http, "long", 150);
        assertThat(last).isEqualTo(301);
        Long snapshotAt = jdbc.sql("SELECT MAX(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param("demo/long").query(Long.class).single();
        assertThat(snapshotAt).as("a snapshot taken as the history grew").isNotNull()
                .isGreaterThan(last - 200L);

        contactCache.removeAll();
        // loaded from the snapshot: re-adding a tag it holds changes nothing, removing it does
        assertThat(version(http.post(WS + "/contacts/long/tags", "{\"tag\":\"kept\"}"))).isEqualTo(last);
        assertThat(version(http.delete(WS + "/contacts/long/tags/churn"))).isEqualTo(last);
        assertThat(version(http.delete(WS + "/contacts/long/tags/kept"))).isEqualTo(last + 1);
    }

    @Test
    void givenASnapshotThatNoLongerReads_whenTheContactIsLoaded_thenItsEventsAreUsedInstead() {
        Http http = http();
        long last = contactWithChurn(http, "garbled", 60);
        int garbled = jdbc.sql("UPDATE snapshot_event_entry SET payload = ? WHERE aggregate_identifier = ?")
                .params("{\"no such field\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "demo/garbled").update();
        assertThat(garbled).isPositive();

        contactCache.removeAll();
        assertThat(version(http.post(WS + "/contacts/garbled/tags", "{\"tag\":\"kept\"}"))).isEqualTo(last);
        assertThat(version(http.delete(WS + "/contacts/garbled/tags/kept"))).isEqualTo(last + 1);
    }

    /** A contact tagged "kept", then "churn" added and removed {@code rounds} times; returns its last version. */
    private long contactWithChurn(Http http, String id, int rounds) {
        version(http.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"));
        version(http.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"kept\"}"));
        long last = 0;
        for (int i = 0; i < rounds; i++) {
            version(http.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"churn\"}"));
            last = version(http.delete(WS + "/contacts/" + id + "/tags/churn"));
        }
        return last;
    }
}
