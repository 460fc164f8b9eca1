package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import io.contactledger.query.profile.DeferredIndexes;
import io.contactledger.query.profile.ProfileTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild's copy gets its secondary indexes back on two connections at once (PostgreSQL only:
 * H2 defers nothing). Whatever order the two finish in, every index comes back as it was, the
 * copy has its statistics, and an index that cannot be built fails the build and stays waiting.
 */
class DeferredIndexesIntegrationTest extends BothSidesTestBase {

    private static final ProfileTables COPY = ProfileTables.of("b");

    @Autowired
    DeferredIndexes indexes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private List<String> before;

    @BeforeEach
    void theCopysIndexesDeferred() {
        assumeTrue(database.isPostgres(), "PostgreSQL only");
        before = secondaryIndexes();
        assertThat(before).as("the copy has secondary indexes to defer").hasSizeGreaterThan(3);
        new TransactionTemplate(transactions).executeWithoutResult(status -> indexes.defer(COPY));
        assertThat(secondaryIndexes()).isEmpty();
    }

    @AfterEach
    void theCopyAsItWas() {
        if (database.isPostgres()) {
            jdbc.sql("DELETE FROM deferred_index WHERE index_name = 'broken'").update();
            indexes.restoreAndAnalyze(COPY);
            jdbc.sql("TRUNCATE contact_tag_b").update();
        }
    }

    @Test
    void givenACopyFilledWithoutItsIndexes_whenTheyAreRestored_thenEachIsBackAndTheCopyHasStatistics() {
        jdbc.sql("INSERT INTO contact_tag_b (workspace_id, tag, contact_id) SELECT 'ws', 't' || (n % 7), 'c-' || n"
                + " FROM generate_series(1, 5000) n").update();

        indexes.restoreAndAnalyze(COPY);

        assertThat(secondaryIndexes()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deferred_index").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'contact_tag_b'::regclass").query(Double.class)
                .single()).isEqualTo(5000);
    }

    @Test
    void givenAnIndexThatCannotBeBuilt_whenTheIndexesAreRestored_thenItFailsAndThatIndexStaysWaiting() {
        jdbc.sql("INSERT INTO deferred_index (index_name, table_name, definition) VALUES ('broken', 'contact_profile_b',"
                + " 'CREATE INDEX broken ON contact_profile_b (no_such_column)')").update();

        assertThatThrownBy(() -> indexes.restoreAndAnalyze(COPY)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("no_such_column");

        assertThat(jdbc.sql("SELECT index_name FROM deferred_index").query(String.class).list()).contains("broken");
    }

    @Test
    void givenACopyGrownSinceItsStatistics_whenItsKeysAreAnalyzed_thenTheBuildsLookupsArePlannedByKey() {
        jdbc.sql("ANALYZE contact_tag_b").update();
        jdbc.sql("INSERT INTO contact_tag_b (workspace_id, tag, contact_id) SELECT 'ws', 't' || (n % 7), 'c-' || n"
                + " FROM generate_series(1, 50000) n").update();

        indexes.analyzeKeys(COPY);

        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'contact_tag_b'::regclass").query(Double.class)
                .single()).isBetween(47_500.0, 52_500.0);
        String plan = String.join("\n", jdbc.sql("EXPLAIN SELECT contact_id FROM contact_tag_b WHERE workspace_id = 'ws'"
                + " AND tag = 't3' AND contact_id = 'c-10'").query(String.class).list());
        assertThat(plan).contains("Index").doesNotContain("Seq Scan");
    }

    private List<String> secondaryIndexes() {
        return jdbc.sql("SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid"
                        + " WHERE t.relname IN ('contact_profile_b', 'contact_tag_b')"
                        + " AND t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary AND NOT x.indisunique")
                .query(String.class).list().stream().sorted().toList();
    }
}
