package io.contactledger.query.feed;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.contactledger.support.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polls of the feed. Waiting requests hold no thread: one poller reads the feed's head every
 * {@value #TICK_MS} ms and, only when it moved, reads each waiter's page. Writes may come from any
 * instance, so the shared table, not a local signal, is what is watched.
 */
@Component
class FeedWaits implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedWaits.class);
    static final long TICK_MS = 100;

    private record Waiter(String workspaceId, long after, int limit, long deadline, DeferredResult<FeedPage> result) {
    }

    private final FeedStore store;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    // made on each start: a stopped context may be started again
    private ScheduledExecutorService poller;
    private volatile boolean running;
    private long seenHead = -1;

    FeedWaits(FeedStore store) {
        this.store = store;
    }

    /** Answers when the workspace has events after {@code after}, or with an empty page at the deadline. */
    DeferredResult<FeedPage> await(String workspaceId, long after, int limit, long waitMillis) {
        DeferredResult<FeedPage> result = new DeferredResult<>(waitMillis + 5_000L);
        result.onTimeout(() -> result.setResult(FeedPage.of(java.util.List.of(), after)));
        if (!running) {
            result.setResult(FeedPage.of(java.util.List.of(), after));
            return result;
        }
        waiters.add(new Waiter(workspaceId, after, limit, System.currentTimeMillis() + waitMillis, result));
        return result;
    }

    private void tick() {
        if (waiters.isEmpty()) {
            return;
        }
        try {
            long head = store.head();
            boolean moved = head != seenHead;
            seenHead = head;
            long now = System.currentTimeMillis();
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.result().isSetOrExpired()) {
                    it.remove();
                    continue;
                }
                var events = moved && head > waiter.after() ? store.page(waiter.workspaceId(), waiter.after(), waiter.limit())
                        : java.util.List.<FeedEvent>of();
                if (!events.isEmpty() || now >= waiter.deadline()) {
                    waiter.result().setResult(FeedPage.of(events, waiter.after()));
                    it.remove();
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; waiters answer at their deadline at the latest
            log.warn("could not poll the event feed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("feed-waits"));
        poller.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Answers every waiter before the web server's graceful shutdown would wait for them. */
    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        for (Waiter waiter : waiters) {
            waiter.result().setResult(FeedPage.of(java.util.List.of(), waiter.after()));
        }
        waiters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
