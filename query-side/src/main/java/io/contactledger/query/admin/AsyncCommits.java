package io.contactledger.query.admin;

import javax.sql.DataSource;

import io.contactledger.support.database.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Commits that do not wait for their WAL to reach the disk, for a copy being rebuilt (PostgreSQL;
 * H2 has no such setting). A crash may lose the build's last batches, never their order: a later
 * synchronous commit (the build's progress report, its switch) flushes everything before it, and a
 * build that lost its builder is built again from the start anyway. Each batch's commit waited for
 * its megabyte of WAL to be flushed: a tenth of the builder's samples (JFR).
 */
@Component
class AsyncCommits {

    private final JdbcClient jdbc;
    private final boolean postgres;

    AsyncCommits(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = DatabaseKind.isPostgres(dataSource);
    }

    /** In the caller's transaction, before it writes. */
    void forThisTransaction() {
        if (postgres) {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
        }
    }
}
