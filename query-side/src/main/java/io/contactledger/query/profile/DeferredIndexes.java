package io.contactledger.query.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.contactledger.support.database.DatabaseKind;
import io.contactledger.support.threads.DaemonThreads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secondary indexes of a copy being rebuilt, on PostgreSQL: dropped when the build starts
 * (their definitions kept in {@code deferred_index}, in the same transaction) and built once when
 * the copy has caught up, instead of being updated row by row through the whole replay. Primary
 * keys and unique indexes stay: the build relies on them. H2 keeps its indexes (nothing deferred).
 */
@Component
public class DeferredIndexes {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeferredIndexes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean postgres;

    DeferredIndexes(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
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
        waiting(copy).forEach(this::build);
    }

    /**
     * Builds the copy's deferred indexes and takes its full statistics, on two connections at once:
     * the trigram index is built by one backend alone however many cores there are, and on two cores
     * the other indexes fit beside it (1.6 s instead of 2.1 for 100,000 profiles, measured with
     * psql). Each index is built and struck off the waiting list in a transaction of its own, so a
     * builder that dies leaves only the missing ones waiting; the copy is not live meanwhile, and a
     * failure fails the build.
     */
    public void restoreAndAnalyze(ProfileTables copy) {
        if (!postgres) {
            return;
        }
        Map<String, Long> took = new ConcurrentSkipListMap<>();
        List<String[]> waiting = waiting(copy);
        // ANALYZE and CREATE INDEX lock each other out of a table (CREATE INDEXes do not), so: the trigram
        // index first (the longest: the other connection does the rest meanwhile), the tag table's statistics
        // and index beside it, the profiles' B-trees, and their statistics once those are built. The tag
        // table's are taken while its index still waits: a table with none waiting is analyzed by
        // PlannerStatistics too, paced, and its lock held the builder's own ANALYZE once.
        List<Runnable> work = new ArrayList<>();
        waiting.stream().filter(DeferredIndexes::gin).forEach(index -> work.add(building(index, took)));
        work.add(analyzing(copy.tags(), took));
        waiting.stream().filter(index -> !gin(index))
                .sorted(Comparator.comparing((String[] index) -> !index[2].equals(copy.tags())))
                .forEach(index -> work.add(building(index, took)));
        work.add(analyzing(copy.profiles(), took));
        Queue<Runnable> queue = new ConcurrentLinkedQueue<>(work);
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService helper = Executors.newSingleThreadExecutor(DaemonThreads.named("profile-rebuild-indexes"));
        try {
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> drain(queue, failed), helper);
            try {
                drain(queue, failed);
            } catch (RuntimeException | Error e) {
                // a failure here stops the queue, but the other connection may be mid-build: a restore
                // must not end while one of its indexes is still being made, or a retry meets it half
                // done ("already exists": found by DeferredIndexesIntegrationTest in CI)
                awaitQuietly(other);
                throw e;
            }
            other.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            helper.shutdownNow();
        }
        log.info("copy {} indexed and analyzed, in ms: {}", copy.slot(), took);
    }

    /** Waits for the other connection's work to end, whatever its outcome: the calling thread's own failure is the one reported. */
    private static void awaitQuietly(CompletableFuture<Void> other) {
        try {
            other.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // the calling thread's failure is reported instead
        }
    }

    private static boolean gin(String[] index) {
        return index[1].contains(" USING gin ");
    }

    private Runnable building(String[] index, Map<String, Long> took) {
        return timed(index[0], took, () -> transaction.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
            build(index);
        }));
    }

    private Runnable analyzing(String table, Map<String, Long> took) {
        return timed("ANALYZE " + table, took, () -> jdbc.sql("ANALYZE " + table).update());
    }

    private static Runnable timed(String what, Map<String, Long> took, Runnable step) {
        return () -> {
            long start = System.nanoTime();
            step.run();
            took.put(what, (System.nanoTime() - start) / 1_000_000);
        };
    }

    private static void drain(Queue<Runnable> queue, AtomicBoolean failed) {
        Runnable next;
        while (!failed.get() && (next = queue.poll()) != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            }
        }
    }

    private List<String[]> waiting(ProfileTables copy) {
        return jdbc.sql("SELECT index_name, definition, table_name FROM deferred_index WHERE table_name IN (?, ?)"
                        + " ORDER BY index_name")
                .params(copy.profiles(), copy.tags())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    private void build(String[] index) {
        jdbc.sql(index[1]).update();
        jdbc.sql("DELETE FROM deferred_index WHERE index_name = ?").param(index[0]).update();
    }

    /**
     * Refreshes the planner's statistics of a copy being filled, on PostgreSQL, for the columns the
     * build looks rows up by. The build reads the copy by key in every batch; a copy emptied at the
     * start has statistics of an empty table, and statements prepared then keep a plan for one (a
     * sequential scan) until the statistics change. Autovacuum would refresh them, but it may be slow
     * or off (it was off on the benchmark's server: a full rebuild then ran at 2.9k events/s): the
     * builder does it as the copy grows. Only the key columns: while the copy is being
     * filled nothing else reads it, and the statistics of its documents and search texts took most of
     * each ANALYZE (0.8 s at 64,000 profiles, JFR). The copy gets its full statistics once built.
     * A sample of 3,000 rows instead of 30,000: lookups by a unique key need the table's size and
     * the keys' distinctness, which a tenth of the sample tells as well, and the four key refreshes
     * of a million-event build had taken 0.8 s of the server (pg_stat_statements).
     */
    public void analyzeKeys(ProfileTables copy) {
        if (postgres) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL default_statistics_target = 10").update();
                jdbc.sql("ANALYZE " + copy.profiles() + " (workspace_id, contact_id), " + copy.tags()
                        + " (workspace_id, tag, contact_id)").update();
            });
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
