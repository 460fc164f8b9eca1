package io.contactledger.command.imports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

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
    private static final int PAGE = 200;
    private static final int ATTEMPTS_PER_ROW = 3;

    private final ImportStore store;
    private final RowImport rows;
    private final String owner = "imports-" + UUID.randomUUID();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "imports");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    ImportRunner(ImportStore store, RowImport rows) {
        this.store = store;
        this.rows = rows;
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
        int attempts = 0;
        try {
            while (running) {
                List<CsvUpload.Row> page = store.pending(job.importId(), after, PAGE);
                if (page.isEmpty()) {
                    store.finish(job.importId(), owner);
                    log.info("import {} is done", job.importId());
                    return;
                }
                for (CsvUpload.Row row : page) {
                    if (!running) {
                        break;
                    }
                    try {
                        rows.run(job, owner, row);
                        attempts = 0;
                    } catch (LostImport lost) {
                        throw lost;
                    } catch (RuntimeException e) {
                        // the database away, a race lost for good: try the row again, and give up on it only
                        // after a few tries so one row cannot hold the whole import
                        if (++attempts < ATTEMPTS_PER_ROW) {
                            log.warn("import {} row {} failed for a reason of this service's own; trying again",
                                    job.importId(), row.number(), e);
                            pause();
                            break;
                        }
                        rows.giveUp(job, owner, row, e);
                        attempts = 0;
                    }
                    after = row.number();
                }
            }
            store.release(job.importId(), owner);
            log.info("import {} handed back for another instance to resume", job.importId());
        } catch (LostImport lost) {
            log.warn("{}; this instance stops running it", lost.getMessage());
        } catch (RuntimeException e) {
            log.warn("import {} paused: {}; it resumes when claimed again", job.importId(), e.toString());
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
