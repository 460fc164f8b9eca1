package io.contactledger.command.imports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.support.idempotency.AfterRollback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued imports in the background, one at a time per instance, rows in file order. A job is
 * claimed in the database, and its owner renews a heartbeat with every row; a job whose owner has
 * been silent for {@value #SILENT_MS} ms (its instance died) is claimed again by any instance and
 * resumes at its first row without an outcome. A stopping instance hands its job back at once.
 */
@Component
class ImportRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    static final long POLL_MS = 500;
    static final long SILENT_MS = 15_000;
    private static final int PAGE = 100;
    private static final int ATTEMPTS_PER_ROW = 3;

    private final ImportStore store;
    private final RowImport rows;
    private final TransactionTemplate transaction;
    private final List<AfterRollback> afterRollback;
    private final String owner = "imports-" + UUID.randomUUID();
    // made on each start: a test context is stopped and started again (paused while unused)
    private ScheduledExecutorService worker;
    private volatile boolean running;

    ImportRunner(ImportStore store, RowImport rows, PlatformTransactionManager transactions, List<AfterRollback> afterRollback) {
        this.store = store;
        this.rows = rows;
        this.transaction = new TransactionTemplate(transactions);
        this.afterRollback = afterRollback;
    }

    private void poll() {
        try {
            long now = System.currentTimeMillis();
            Optional<String> claimed = store.claim(owner, now, now - SILENT_MS);
            claimed.flatMap(store::find).ifPresent(this::run);
        } catch (RuntimeException e) {
            log.warn("could not look for imports to run: {}", e.toString());
        }
    }

    private void run(ImportJob job) {
        log.info("import {} runs here from its first row without an outcome ({} of {} done)", job.importId(), job.done(), job.rows());
        int after = 0;
        try {
            while (running) {
                List<CsvUpload.Row> page = store.pending(job.importId(), after, PAGE);
                if (page.isEmpty()) {
                    store.finish(job.importId(), owner);
                    log.info("import {} is done", job.importId());
                    return;
                }
                after = runPage(job, page);
            }
            store.release(job.importId(), owner);
            log.info("import {} handed back for another instance to resume", job.importId());
        } catch (LostImport lost) {
            log.warn("{}; this instance stops running it", lost.getMessage());
        } catch (RuntimeException e) {
            log.warn("import {} paused: {}; it resumes when claimed again", job.importId(), e.toString());
        }
    }

    /**
     * A page of rows in one transaction, each row a savepoint in it: one commit per page instead of
     * per row. If the page fails for a reason of this service's own, its rows run one at a time, so
     * one row's trouble holds up only that row. Returns the last row number run.
     */
    private int runPage(ImportJob job, List<CsvUpload.Row> page) {
        try {
            transaction.executeWithoutResult(status -> {
                for (CsvUpload.Row row : page) {
                    rows.run(job, owner, row);
                }
            });
            return page.get(page.size() - 1).number();
        } catch (LostImport lost) {
            throw lost;
        } catch (RuntimeException e) {
            afterRollback.forEach(AfterRollback::forget);
            log.warn("import {}: a page from row {} failed ({}); its rows run one at a time", job.importId(),
                    page.get(0).number(), e.toString());
        }
        int after = page.get(0).number() - 1;
        for (CsvUpload.Row row : page) {
            if (!running) {
                break;
            }
            runAlone(job, row);
            after = row.number();
        }
        return after;
    }

    /** One row in its own transaction, tried a few times before it is recorded as failed. */
    private void runAlone(ImportJob job, CsvUpload.Row row) {
        for (int attempt = 1; ; attempt++) {
            try {
                rows.run(job, owner, row);
                return;
            } catch (LostImport lost) {
                throw lost;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS_PER_ROW) {
                    rows.giveUp(job, owner, row, e);
                    return;
                }
                log.warn("import {} row {} failed for a reason of this service's own; trying again", job.importId(), row.number(), e);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("imports"));
        worker.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Lets the row under way finish, then hands its job back, before the database goes away. */
    @Override
    public void stop() {
        running = false;
        worker.shutdown();
        try {
            worker.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
