package io.contactledger.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests started on a fixed schedule, whatever the answers take: enough threads that a slow
 * answer never delays the next start, so the rate asked for is the rate sent and a stall shows
 * as latency rather than as fewer requests (no coordinated omission).
 */
final class FixedRate {

    /** One request: {@code n} counts from 0, {@code due} is when it was scheduled to start (System.nanoTime). */
    interface Request {
        void run(int n, long due) throws Exception;
    }

    private FixedRate() {
    }

    /** Runs {@code rate × seconds} requests and waits for their answers. */
    static void run(int rate, int seconds, Request request) throws InterruptedException {
        // requests in flight = rate × latency; a 5 s stall at 1,000/s would need 5,000, and
        // beyond that many the generator itself would be the bottleneck on this machine
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(1_000, rate));
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        // a request that throws would otherwise vanish inside its Future, unmeasured and uncounted
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            pool.execute(() -> {
                try {
                    request.run(n, due);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests still running 2 minutes after the last was started");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a request failed without an answer to count", failure.get());
        }
    }
}
