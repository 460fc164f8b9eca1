package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rebuild replays the event store into a read model identical to the one it replaced. */
class RebuildIntegrationTest extends BothSidesTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildingTheProfilesGivesTheSameReadModel() throws Exception {
        adminCommands.put(WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"LIST\",\"options\":[\"free\",\"pro\"]}");
        for (int i = 0; i < 30; i++) {
            String id = "r-" + i;
            version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\",\"country\":\"DE\"}"));
            version(commands.post(WS + "/contacts/" + id + "/details", "{\"name\":\"Person " + i + "\",\"phone\":\"030 1234" + (100 + i) + "\"}"));
            version(commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"t" + (i % 3) + "\"}"));
            if (i % 2 == 0) {
                version(commands.put(WS + "/contacts/" + id + "/customer-id", "{\"customerId\":\"C-" + i + "\"}"));
                String note = commands.post(WS + "/contacts/" + id + "/notes", "{\"text\":\"note " + i + "\",\"author\":\"a\"}")
                        .json().get("noteId").asText();
                version(commands.put(WS + "/contacts/" + id + "/notes/" + note, "{\"text\":\"edited " + i + "\"}"));
            }
            version(commands.put(WS + "/contacts/" + id + "/custom-fields/plan", "{\"value\":\"" + (i % 2 == 0 ? "pro" : "free") + "\"}"));
        }
        eventually(Duration.ofSeconds(20), () -> caughtUp(operator.get("/admin/projections").json().get(0)), "catch-up");
        List<String> before = readModel();
        assertThat(before).as("30 profiles and one tag each").hasSize(30 + 30);

        Response accepted = operator.post("/admin/projections/contact-profiles/rebuild", null);

        assertThat(accepted.status()).isEqualTo(202);
        eventually(Duration.ofSeconds(30), () -> {
            JsonNode status = operator.get("/admin/projections").json().get(0);
            return "done".equals(status.path("build").path("state").asText()) && status.get("running").asBoolean()
                    && caughtUp(status);
        }, "the rebuild to catch up");
        List<String> after = readModel();
        // the short form first: which profiles and versions differ, with the tokens that say where each segment is
        assertThat(versions(after)).as("profiles and versions after the rebuild; tokens: %s", tokens())
                .isEqualTo(versions(before));
        assertThat(after).isEqualTo(before);
        assertThat(queries.get(WS + "/contacts/r-4").json().get("notes").get(0).get("text").asText()).isEqualTo("edited 4");
        // and a person can read where it stands: the phase, and a reached end
        JsonNode status = operator.get("/admin/projections").json().get(0);
        assertThat(status.get("phase").asText()).isEqualTo("live");
        assertThat(status.get("estimatedEnd").isNull()).isFalse();
        assertThat(status.has("eventsPerSecond")).isTrue();
        // and the rebuilt copy got back every secondary index it was filled without (PostgreSQL defers them)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deferred_index").query(Long.class).single()).isZero();
        if (database.url().startsWith("jdbc:postgresql")) {
            assertThat(secondaryIndexes("contact_profile_b")).isEqualTo(secondaryIndexes("contact_profile"));
            assertThat(secondaryIndexes("contact_tag_b")).isEqualTo(secondaryIndexes("contact_tag"));
        }
    }

    /** The table's secondary indexes, as definitions with the table's name taken out. */
    private List<String> secondaryIndexes(String table) {
        return jdbc.sql("SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid"
                        + " WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary"
                        + " AND NOT x.indisunique")
                .param(table).query(String.class).list().stream()
                .map(definition -> definition.substring(definition.indexOf(" USING ")))
                .sorted().toList();
    }

    private static boolean caughtUp(JsonNode status) {
        return status.get("lag").asLong() == 0 && !status.get("replaying").asBoolean();
    }

    /** Each row's first word: contact and version for a profile, contact and tag for a tag. */
    private static List<String> versions(List<String> readModel) {
        return readModel.stream().map(row -> {
            String[] words = row.split(" ", 4);
            return words[1].startsWith("#") ? words[0] + " " + words[1] : words[0] + " v" + words[2];
        }).toList();
    }

    private List<String> tokens() {
        return jdbc.sql("SELECT segment, owner, token FROM token_entry WHERE processor_name = 'contact-profiles' ORDER BY segment")
                .query((rs, i) -> rs.getInt(1) + " " + rs.getString(2) + " "
                        + (rs.getBytes(3) == null ? "null" : new String(rs.getBytes(3), StandardCharsets.UTF_8)))
                .list();
    }

    /** Every profile document and every tag row, in a stable order. */
    private List<String> readModel() {
        String live = jdbc.sql("SELECT active FROM read_model_slot WHERE model = 'contact-profiles'").query(String.class).single();
        String suffix = live.equals("a") ? "" : "_" + live;
        List<String> profiles = jdbc.sql("SELECT workspace_id || '/' || contact_id || ' ' || type || ' ' || version"
                        + " || ' ' || search_text || ' ' || created_at || ' ' || document FROM contact_profile" + suffix
                        + " ORDER BY workspace_id, contact_id")
                .query(String.class).list();
        List<String> tags = jdbc.sql("SELECT workspace_id || '/' || contact_id || ' #' || tag FROM contact_tag" + suffix
                        + " ORDER BY workspace_id, contact_id, tag")
                .query(String.class).list();
        return java.util.stream.Stream.concat(profiles.stream(), tags.stream()).toList();
    }

    @Test
    void aRebuildRepeatedUnderItsIdempotencyKeyIsAskedOnce() {
        Response first = operator.post("/admin/projections/contact-profiles/rebuild", null, "Idempotency-Key", "rebuild-once");
        Response again = operator.post("/admin/projections/contact-profiles/rebuild", null, "Idempotency-Key", "rebuild-once");
        Response otherProjection = operator.post("/admin/projections/custom-field-views/rebuild", null, "Idempotency-Key", "rebuild-once");

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(otherProjection.status()).as("the same key for another request").isEqualTo(422);
    }
}
