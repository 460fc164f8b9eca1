package io.contactledger.support.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as multi-row {@code INSERT … VALUES
 * (…), (…)} statements ({@code reWriteBatchedInserts}): one statement for up to 128 rows where
 * the server otherwise plans and executes each row on its own. The projections, the feed and the
 * rebuild write their rows in such batches (BENCHMARKS.md, "Set-based writes"). A URL that names
 * the setting keeps its own choice; other databases are left alone. Rewritten inserts report
 * {@code SUCCESS_NO_INFO} as their counts, which no insert of these services reads.
 */
@Component
class PostgresBatchRewrites implements BeanPostProcessor {

    static final String SETTING = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && applies(pool.getJdbcUrl())) {
            pool.addDataSourceProperty(SETTING, "true");
        }
        return bean;
    }

    static boolean applies(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.toLowerCase(java.util.Locale.ROOT)
                .contains(SETTING.toLowerCase(java.util.Locale.ROOT));
    }
}
