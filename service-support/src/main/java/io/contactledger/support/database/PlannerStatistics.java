package io.contactledger.support.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.contactledger.support.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the planner's statistics of the schema's tables current where autovacuum does not (the
 * server runs without it, or a table opts out). PostgreSQL replans a cached statement only when
 * its table's statistics change, so a statement first run while its table was empty keeps the
 * plan it got then: the batch read of contact keys walked every key of the workspace and filtered
 * (25 ms a batch at 100,000 keys instead of 0.05), which held a full rebuild at about half its
 * speed. Every {@value #EVERY_SECONDS} s each instance looks for tables changed by more than
 * autovacuum's own analyze threshold would let pass (here 1,000 rows and a tenth of the table)
 * and analyzes them, one instance at a time; with autovacuum at work it finds nothing to do. A
 * copy of a read model under construction is left to its builder (see {@code deferred_index}).
 */
@Component
public class PlannerStatistics implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    static final long EVERY_SECONDS = 10;
    /** The advisory lock that lets one instance at a time analyze (any constant no other code uses). */
    static final long LOCK = 0x4c65646765725354L;
    private static final String STALE = "SELECT c.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
            + " WHERE s.schemaname = current_schema()"
            + " AND (current_setting('autovacuum') = 'off' OR c.reloptions::text ~* 'autovacuum_enabled=(false|off|no|0)')"
            + " AND s.n_mod_since_analyze > 1000 + 0.1 * GREATEST(c.reltuples, 0)"
            // a copy of a read model being built (its indexes deferred) has its builder keep the statistics of the
            // columns it looks rows up by, and gets its full ones when built: analyzing its documents meanwhile
            // took the build's CPU for nobody
            + " AND c.relname NOT IN (SELECT table_name FROM deferred_index)";

    private final DataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("planner-statistics"));

    public PlannerStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        if (DatabaseKind.isPostgres(dataSource)) {
            timer.scheduleWithFixedDelay(this::keepCurrent, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void keepCurrent() {
        try {
            List<String> analyzed = refresh();
            if (!analyzed.isEmpty()) {
                log.info("analyzed {}: changed past autovacuum's threshold, which is not at work here", analyzed);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("planner statistics not refreshed this time: {}", e.getMessage());
        }
    }

    /** Analyzes the tables of the schema whose statistics are stale; returns their names (none while another instance does it). */
    public List<String> refresh() throws SQLException {
        List<String> analyzed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // each ANALYZE commits on its own: held together in one transaction, their locks could meet a rebuild's
            connection.setAutoCommit(true);
            // paced as autovacuum paces its own: the sample of a large table is read beside the service's work
            sql.execute("SET vacuum_cost_delay = '2ms'");
            if (!lock(sql, "pg_try_advisory_lock")) {
                return analyzed;
            }
            try {
                List<String> stale = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery(STALE)) {
                    while (rows.next()) {
                        stale.add(rows.getString(1));
                    }
                }
                for (String table : stale) {
                    sql.execute("ANALYZE \"" + table.replace("\"", "\"\"") + "\"");
                    analyzed.add(table);
                }
            } finally {
                lock(sql, "pg_advisory_unlock");
                sql.execute("RESET vacuum_cost_delay");
            }
        }
        return analyzed;
    }

    private static boolean lock(Statement sql, String function) throws SQLException {
        try (ResultSet result = sql.executeQuery("SELECT " + function + "(" + LOCK + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
