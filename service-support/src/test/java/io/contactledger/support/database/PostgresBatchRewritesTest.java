package io.contactledger.support.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchRewritesTest {

    private final PostgresBatchRewrites rewrites = new PostgresBatchRewrites();

    @Test
    void givenAPostgresPool_whenItIsConfigured_thenBatchedInsertsAreRewrittenAsMultiRowStatements() {
        HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=x");

        rewrites.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void givenAUrlThatChoosesForItself_whenItIsConfigured_thenItsChoiceStands() {
        HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=false");

        rewrites.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
    }

    @Test
    void givenAnH2Pool_whenItIsConfigured_thenNothingIsAdded() {
        // H2 refuses settings it does not know
        HikariDataSource pool = pool("jdbc:h2:mem:x");

        rewrites.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
