package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * As-of views of a long history fold from the nearest checkpoint (every 50 versions here) with
 * the same fold as the projection, and give exactly what a fold from the first event gives.
 */
@TestPropertySource(properties = "ledger.checkpoints.every=50")
class LongHistoryAsOfIntegrationTest extends BothSidesTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void givenALongHistory_whenViewedAtManyVersions_thenCheckpointsGiveWhatAFullFoldGives() throws Exception {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"long-as-of\",\"country\":\"FR\"}"));
        long last = 0;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            version(commands.post(WS + "/contacts/long-as-of/tags", "{\"tag\":\"t" + (i % 7) + "\"}"));
            if (i % 3 == 0) {
                notes.add(commands.post(WS + "/contacts/long-as-of/notes", "{\"text\":\"note " + i + "\"}").json().get("noteId").asText());
            }
            if (i % 5 == 0 && !notes.isEmpty()) {
                version(commands.put(WS + "/contacts/long-as-of/notes/" + notes.get(0), "{\"text\":\"edited " + i + "\"}"));
            }
            last = version(commands.post(WS + "/contacts/long-as-of/details", "{\"name\":\"Name " + i + "\"}"));
        }
        assertThat(queries.get(WS + "/contacts/long-as-of?minVersion=" + last).status()).isEqualTo(200);
        long checkpoints = jdbc.sql("SELECT COUNT(*) FROM profile_checkpoint WHERE contact_id = 'long-as-of'")
                .query(Long.class).single();
        assertThat(checkpoints).as("checkpoints of a %d-version history", last).isGreaterThanOrEqualTo(3);

        List<Long> versions = List.of(0L, 1L, 49L, 50L, 51L, 99L, 100L, 101L, 150L, 199L, last - 1, last, last + 10);
        List<String> instants = new ArrayList<>();
        for (JsonNode event : queries.get(WS + "/contacts/long-as-of/history?limit=1000").json().get("events")) {
            if (event.get("sequence").asLong() % 37 == 0) {
                instants.add(event.get("occurredAt").asText());
            }
        }
        // the far ends of what an instant can be: the latest profile, and nothing yet
        assertThat(queries.get(WS + "/contacts/long-as-of?asOf=%2B1000000000-12-31T23:59:59Z").json().get("version").asLong())
                .isEqualTo(last);
        assertThat(queries.get(WS + "/contacts/long-as-of?asOf=-1000000000-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(queries.get(WS + "/contacts/long-as-of?atVersion=999999999999999999").json().get("version").asLong())
                .isEqualTo(last);
        Map<String, String> withCheckpoints = views(versions, instants);
        jdbc.sql("DELETE FROM profile_checkpoint WHERE contact_id = 'long-as-of'").update();
        Map<String, String> fromTheStart = views(versions, instants);

        assertThat(withCheckpoints).isEqualTo(fromTheStart);
        assertThat(withCheckpoints.get("atVersion=" + last)).isEqualTo(queries.get(WS + "/contacts/long-as-of").text());
    }

    private Map<String, String> views(List<Long> versions, List<String> instants) {
        Map<String, String> views = new LinkedHashMap<>();
        for (long v : versions) {
            views.put("atVersion=" + v, queries.get(WS + "/contacts/long-as-of?atVersion=" + v).text());
        }
        for (String instant : instants) {
            views.put("asOf=" + instant, queries.get(WS + "/contacts/long-as-of?asOf=" + instant).text());
        }
        return views;
    }
}
