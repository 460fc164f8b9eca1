package io.contactledger.query.profile;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.contactledger.support.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a request waits until the profile read model has reached a version, without
 * holding a thread (the answer is a future that the projection's signal, the fallback re-read or
 * the timeout completes). A waiter reads the store once and then learns from the projection's
 * signals, which carry the committed version. A slow fallback re-reads the versions of contacts
 * still awaited, because with several query-side instances another one may own the contact's
 * segment and signal only in its own JVM.
 */
@Component
public class ProjectionProgress implements DisposableBean {

    private static final Duration FALLBACK_REREAD = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(ProjectionProgress.class);

    private record Waiter(long version, CompletableFuture<Boolean> reached) {
    }

    private final ConcurrentHashMap<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final StoredVersions store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("projection-progress"));

    @Autowired
    public ProjectionProgress(StoredVersions store) {
        this(store, FALLBACK_REREAD);
    }

    ProjectionProgress(StoredVersions store, Duration fallbackReread) {
        this.store = store;
        timer.scheduleWithFixedDelay(this::rereadAwaited, fallbackReread.toNanos(), fallbackReread.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Called after the projection committed {@code version} of a profile. */
    public void reached(String workspaceId, String contactId, long version) {
        reached(key(workspaceId, contactId), version);
    }

    /**
     * Completes with true once the stored profile has at least {@code version}, with false when
     * {@code timeout} passes first. Reads the store once, on the caller's thread.
     */
    public CompletableFuture<Boolean> whenReached(String workspaceId, String contactId, long version, Duration timeout) {
        String key = key(workspaceId, contactId);
        Waiter waiter = new Waiter(version, new CompletableFuture<>());
        // listen before reading, so a commit between the read and the wait is not missed
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.reached().whenComplete((result, failure) -> forget(key, waiter));
        try {
            if (store.versionOf(workspaceId, contactId) >= version) {
                waiter.reached().complete(true);
                return waiter.reached();
            }
        } catch (RuntimeException e) {
            waiter.reached().completeExceptionally(e);
            return waiter.reached();
        }
        timer.schedule(() -> waiter.reached().complete(false), timeout.toNanos(), TimeUnit.NANOSECONDS);
        return waiter.reached();
    }

    private void reached(String key, long version) {
        Set<Waiter> waiters = waiting.get(key);
        if (waiters != null) {
            waiters.stream().filter(w -> w.version() <= version).forEach(w -> w.reached().complete(true));
        }
    }

    /**
     * One query per workspace for every contact awaited (not one each: when the projection falls
     * behind, waiters pile up, and a query apiece every round took the database from it).
     */
    private void rereadAwaited() {
        Map<String, Set<String>> awaitedByWorkspace = new HashMap<>();
        for (String key : waiting.keySet()) {
            int slash = key.indexOf('/');
            awaitedByWorkspace.computeIfAbsent(key.substring(0, slash), ws -> new HashSet<>()).add(key.substring(slash + 1));
        }
        awaitedByWorkspace.forEach((workspaceId, contactIds) -> {
            try {
                store.versionsOf(workspaceId, contactIds).forEach((contactId, version) -> reached(key(workspaceId, contactId), version));
            } catch (RuntimeException e) {
                log.debug("re-reading the versions awaited in {} failed; the next round tries again", workspaceId, e);
            }
        });
    }

    private void forget(String key, Waiter waiter) {
        waiting.computeIfPresent(key, (k, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }

    private static String key(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
