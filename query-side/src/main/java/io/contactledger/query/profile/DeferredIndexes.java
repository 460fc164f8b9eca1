package io.contactledger.query.profile;

import java.util.List;

import javax.sql.DataSource;

import io.contactledger.support.database.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secondary indexes of a copy being rebuilt, on PostgreSQL: dropped when the build starts
 * (their definitions kept in {@code deferred_index}, in the same transaction) and built once when
 * the copy has caught up, instead of being updated row by row through the whole replay. Primary
 * keys and unique indexes stay: the build relies on them. H2 keeps its indexes (nothing deferred).
 */
@Component
public class DeferredIndexes {

    private final JdbcClient jdbc;
    private final boolean postgres;

    DeferredIndexes(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = DatabaseKind.isPostgres(dataSource);
    }

    /** Drops the copy's secondary indexes, keeping their definitions; in the caller's transaction. */
    public void defer(ProfileTables copy) {
        if (!postgres) {
            return;
        }
        for (String table : List.of(copy.profiles(), copy.tags())) {
            List<String[]> indexes = jdbc.sql("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
                            + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                            + " WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace"
                            + " AND NOT x.indisprimary AND NOT x.indisunique")
                    .param(table)
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            for (String[] index : indexes) {
                jdbc.sql("INSERT INTO deferred_index (index_name, table_name, definition) VALUES (?, ?, ?)")
                        .params(index[0], table, index[1]).update();
                jdbc.sql("DROP INDEX " + quoted(index[0])).update();
            }
        }
    }

    /**
     * Builds the copy's deferred indexes, if any wait; in the caller's transaction. Each build sorts
     * the whole copy: with PostgreSQL's default 64 MB of sort memory a million profiles spill to disk,
     * so the transaction allows itself 256 MB (allocated only as a sort needs it).
     */
    public void restore(ProfileTables copy) {
        if (!postgres) {
            return;
        }
        jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
        List<String[]> waiting = jdbc.sql("SELECT index_name, definition FROM deferred_index WHERE table_name IN (?, ?)")
                .params(copy.profiles(), copy.tags())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] index : waiting) {
            jdbc.sql(index[1]).update();
            jdbc.sql("DELETE FROM deferred_index WHERE index_name = ?").param(index[0]).update();
        }
    }

    /**
     * Refreshes the planner's statistics of a copy being filled, on PostgreSQL. The build reads the
     * copy by key in every batch; a copy emptied at the start has statistics of an empty table, and
     * statements prepared then keep a plan for one (a sequential scan) until the statistics change.
     * Autovacuum would refresh them, but it may be slow or off (it was off on the benchmark's server:
     * a full rebuild then ran at 2.9k events/s): the builder does it as the copy grows.
     */
    public void analyze(ProfileTables copy) {
        if (postgres) {
            jdbc.sql("ANALYZE " + copy.profiles() + ", " + copy.tags()).update();
        }
    }

    /**
     * As {@link #analyze}, for the columns the build looks rows up by only: while the copy is being
     * filled nothing else reads it, and the statistics of its documents and search texts took most of
     * each ANALYZE (0.8 s at 64,000 profiles, JFR). The copy gets its full statistics once built.
     */
    public void analyzeKeys(ProfileTables copy) {
        if (postgres) {
            jdbc.sql("ANALYZE " + copy.profiles() + " (workspace_id, contact_id), " + copy.tags()
                    + " (workspace_id, tag, contact_id)").update();
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
