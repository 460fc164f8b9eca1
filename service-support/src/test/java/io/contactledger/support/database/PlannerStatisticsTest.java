package io.contactledger.support.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.contactledger.support.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL only (a schema of its own): tables that opt out of autovacuum, as every table does
 * on a server that runs without it, so the outcome does not depend on the server's setting.
 */
class PlannerStatisticsTest {

    private static final String KEY_BATCH = "SELECT contact_id, secret FROM contact_key WHERE workspace_id = $1"
            + " AND contact_id IN ($2, $3, $4)";

    private HikariDataSource pool;
    private PlannerStatistics statistics;

    @BeforeEach
    void aSchemaWithAKeyTableWithoutAutovacuum() throws SQLException {
        TestDatabase database = TestDatabase.createPostgres("planner_statistics");
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(3);
        execute("CREATE TABLE contact_key (workspace_id VARCHAR(63) NOT NULL, contact_id VARCHAR(64) NOT NULL,"
                + " secret BYTEA NOT NULL, PRIMARY KEY (workspace_id, contact_id)) WITH (autovacuum_enabled = false)");
        // as migration V18 makes it: the secondary indexes a read model's copy under construction waits for
        execute("CREATE TABLE deferred_index (index_name VARCHAR(128) NOT NULL PRIMARY KEY, table_name VARCHAR(128) NOT NULL,"
                + " definition TEXT NOT NULL)");
        statistics = new PlannerStatistics(pool);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void givenAStatementPlannedWhileItsTableWasEmpty_whenTheTableHasGrownAndStatisticsAreKept_thenItLooksUpItsRowsByTheWholeKey()
            throws SQLException {
        try (Connection session = pool.getConnection(); Statement sql = session.createStatement()) {
            // the plan a cached statement keeps: generic, made while the table was empty
            sql.execute("SET plan_cache_mode = force_generic_plan");
            sql.execute("PREPARE key_batch(text, text, text, text) AS " + KEY_BATCH);
            assertThat(plan(sql)).as("planned on the empty table: every key of the workspace read and filtered")
                    .contains("Filter:");
            fill(20_000);
            assertThat(plan(sql)).as("grown, the plan stays").contains("Filter:");

            List<String> analyzed = statistics.refresh();

            assertThat(analyzed).containsExactly("contact_key");
            assertThat(plan(sql)).as("after: the batch's keys looked up in the index").doesNotContain("Filter:")
                    .containsPattern("Index Cond: .*contact_id");
        }
    }

    @Test
    void givenATableChangedByLessThanTheThreshold_whenStatisticsAreKept_thenItIsLeftAsItWas() throws SQLException {
        fill(500);

        List<String> analyzed = statistics.refresh();

        assertThat(analyzed).isEmpty();
        assertThat(query("SELECT COALESCE(last_analyze::text, 'never') FROM pg_stat_user_tables WHERE relname = 'contact_key'"
                + " AND schemaname = current_schema()")).isEqualTo("never");
    }

    @Test
    void givenATableJustAnalyzed_whenStatisticsAreKeptAgain_thenNothingIsAnalyzedTwice() throws SQLException {
        fill(20_000);
        assertThat(statistics.refresh()).containsExactly("contact_key");

        List<String> again = statistics.refresh();

        assertThat(again).isEmpty();
        assertThat(Double.parseDouble(query("SELECT reltuples FROM pg_class WHERE oid = 'contact_key'::regclass")))
                .isEqualTo(20_000);
    }

    @Test
    void givenATableBeingBuiltWithItsIndexesDeferred_whenStatisticsAreKept_thenItIsLeftToItsBuilderUntilBuilt()
            throws SQLException {
        execute("INSERT INTO deferred_index VALUES ('contact_key_secret_idx', 'contact_key',"
                + " 'CREATE INDEX contact_key_secret_idx ON contact_key (secret)')");
        fill(20_000);

        List<String> whileBuilding = statistics.refresh();

        assertThat(whileBuilding).isEmpty();
        execute("DELETE FROM deferred_index");
        assertThat(statistics.refresh()).as("built: kept like any other table again").containsExactly("contact_key");
    }

    @Test
    void givenAnotherInstanceAnalyzingNow_whenStatisticsAreKept_thenThisOneLeavesItToIt() throws SQLException {
        fill(20_000);
        try (Connection other = pool.getConnection(); Statement sql = other.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(" + PlannerStatistics.LOCK + ")");

            List<String> analyzed = statistics.refresh();

            assertThat(analyzed).isEmpty();
            sql.execute("SELECT pg_advisory_unlock(" + PlannerStatistics.LOCK + ")");
        }
        assertThat(statistics.refresh()).containsExactly("contact_key");
    }

    /** Inserts rows and flushes this session's counters, which PostgreSQL otherwise publishes up to seconds later. */
    private void fill(int rows) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO contact_key SELECT 'ws', 'c-' || n, decode(md5(n::text), 'hex')"
                    + " FROM generate_series(1, " + rows + ") n");
            sql.execute("SELECT pg_stat_force_next_flush()");
            sql.execute("SELECT 1");
        }
    }

    private static String plan(Statement sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE key_batch('ws', 'c-1', 'c-2', 'c-3')")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private String query(String statement) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(statement)) {
            result.next();
            return result.getString(1);
        }
    }
}
