package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL storage after a full run through both sides: no {@code oid} columns and no large
 * objects (Axon's binary data lives in {@code bytea}), an identity global index that preallocates
 * nothing, and the read model's filters and search served by their indexes. Runs in the
 * PostgreSQL execution only.
 */
class PostgresStorageTest extends BothSidesTestBase {

    @Test
    void binaryDataIsByteaAndNoLargeObjectIsEverCreated() throws Exception {
        assumeTrue(database.isPostgres(), "PostgreSQL only");
        driveAFewChats();

        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND data_type = 'oid'")).isEqualTo("0");
            assertThat(single(sql, "SELECT COUNT(*) FROM pg_largeobject_metadata")).isEqualTo("0");
            assertThat(single(sql, "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = 'token_entry' AND column_name = 'token'")).isEqualTo("bytea");
            assertThat(single(sql, "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = 'domain_event_entry' AND column_name = 'payload'")).isEqualTo("bytea");
        }
    }

    @Test
    void theGlobalIndexIsAnIdentityThatPreallocatesNothing() throws Exception {
        assumeTrue(database.isPostgres(), "PostgreSQL only");
        driveAFewChats();

        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT increment_by || '/' || cache_size FROM pg_sequences"
                    + " WHERE schemaname = current_schema() AND sequencename LIKE 'domain_event_entry%'")).isEqualTo("1/1");
            List<String> indexes = column(sql, "SELECT global_index FROM domain_event_entry ORDER BY global_index");
            assertThat(Long.parseLong(indexes.get(indexes.size() - 1)) - Long.parseLong(indexes.get(0)) + 1)
                    .as("no holes in the global index").isEqualTo(indexes.size());
        }
    }

    /** 30,000 synthetic read-model rows in two workspaces, so the planner chooses as it would in production. */
    @Test
    void listFiltersAndSubstringSearchUseTheirIndexes() throws Exception {
        assumeTrue(database.isPostgres(), "PostgreSQL only");

        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO contact_profile (workspace_id, contact_id, type, name, email, search_text, created_at,"
                    + " version, document) SELECT CASE WHEN n % 3 = 0 THEN 'other' ELSE 'bulk' END, 'c-' || n,"
                    + " CASE WHEN n % 2 = 0 THEN 'LEAD' ELSE 'GUEST' END, 'Person ' || n, 'p' || n || '@example.com',"
                    + " 'person ' || n || chr(10) || 'p' || n || '@example.com', 1700000000000000 + n, 1, '{}'"
                    + " FROM generate_series(1, 30000) AS n");
            sql.execute("INSERT INTO contact_tag (workspace_id, tag, contact_id) SELECT 'bulk', 'tag-' || (n % 50), 'c-' || n"
                    + " FROM generate_series(1, 30000) AS n WHERE n % 3 <> 0");
            // What autovacuum does in production: merge the trigram index's pending list, refresh statistics.
            sql.execute("VACUUM ANALYZE contact_profile");
            sql.execute("VACUUM ANALYZE contact_tag");
            String search = String.join("\n", column(sql, "EXPLAIN SELECT document FROM contact_profile"
                    + " WHERE workspace_id = 'bulk' AND search_text LIKE '%person 1234%'"));
            String newest = String.join("\n", column(sql, "EXPLAIN SELECT document FROM contact_profile"
                    + " WHERE workspace_id = 'bulk' ORDER BY created_at DESC, contact_id DESC LIMIT 51"));
            String tagged = String.join("\n", column(sql, "EXPLAIN SELECT contact_id FROM contact_tag"
                    + " WHERE workspace_id = 'bulk' AND tag = 'tag-7'"));
            System.out.println("EXPLAIN search:\n" + search + "\nEXPLAIN newest:\n" + newest + "\nEXPLAIN tag:\n" + tagged);

            assertThat(search).contains("ix_contact_profile_search");
            assertThat(newest).contains("ix_contact_profile_newest");
            assertThat(tagged).contains("contact_tag_pkey");
        }
    }

    /**
     * A note or a tag changes only a profile's version and document: PostgreSQL can rewrite the
     * row in place (a heap-only tuple) as long as no index holds a column every write changes.
     * An index on the poll stamp once made every projected write a full one (docs/decisions.md,
     * "Live updates").
     */
    @Test
    void notesAndTagsRewriteTheProfileRowWithoutTouchingItsIndexes() throws Exception {
        assumeTrue(database.isPostgres(), "PostgreSQL only");
        String id = "hot-" + System.nanoTime();
        version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"));
        long last = version(commands.post(WS + "/contacts/" + id + "/details", "{\"name\":\"Grace\",\"email\":\"g@example.com\"}"));
        assertThat(queries.get(WS + "/contacts/" + id + "?minVersion=" + last).status()).isEqualTo(200);

        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            String live = "a".equals(single(sql, "SELECT active FROM read_model_slot")) ? "contact_profile" : "contact_profile_b";
            for (String table : List.of("contact_profile", "contact_profile_b")) {
                assertThat(column(sql, "SELECT a.attname FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()"
                        + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey)"
                        + " WHERE t.relname = '" + table + "'"))
                        .as("columns indexed on " + table).doesNotContain("version", "document");
            }
            long hotBefore = hotUpdates(sql, live);

            for (int i = 0; i < 30; i++) {
                last = version(i % 2 == 0
                        ? commands.post(WS + "/contacts/" + id + "/notes", "{\"text\":\"note " + i + "\"}")
                        : commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"t" + i + "\"}"));
                assertThat(queries.get(WS + "/contacts/" + id + "?minVersion=" + last).status()).isEqualTo(200);
            }

            // a backend reports its statistics within seconds of going idle
            eventually(Duration.ofSeconds(30), () -> {
                try {
                    return hotUpdates(sql, live) - hotBefore >= 25;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "most of the 30 profile writes heap-only on " + live);
        }
    }

    private static long hotUpdates(Statement sql, String table) throws Exception {
        sql.execute("SELECT pg_stat_clear_snapshot()");
        return Long.parseLong(single(sql, "SELECT n_tup_hot_upd FROM pg_stat_user_tables"
                + " WHERE schemaname = current_schema() AND relname = '" + table + "'"));
    }

    private void driveAFewChats() {
        for (int i = 0; i < 10; i++) {
            String id = "pg-" + i + "-" + System.nanoTime();
            version(commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}"));
            version(commands.post(WS + "/contacts/" + id + "/details", "{\"name\":\"Ada " + i + "\",\"email\":\"a" + i + "@example.com\"}"));
            long last = version(commands.post(WS + "/contacts/" + id + "/tags", "{\"tag\":\"vip\"}"));
            assertThat(queries.get(WS + "/contacts/" + id + "?minVersion=" + last).status()).isEqualTo(200);
        }
    }

    private static String single(Statement sql, String query) throws Exception {
        List<String> values = column(sql, query);
        assertThat(values).as(query).hasSize(1);
        return values.get(0);
    }

    private static List<String> column(Statement sql, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
