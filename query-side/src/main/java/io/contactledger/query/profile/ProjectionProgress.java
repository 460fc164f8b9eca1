package io.contactledger.query.profile;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a request waits until the profile read model has reached a version. The
 * projection signals each committed profile with its version, so a waiter reads the store once
 * and then learns from the signals, not with a query per wake-up (hundreds of waiters re-reading
 * on every commit kept request threads waiting seconds for pooled connections). It re-reads at
 * a slow fallback interval too, because with several query-side instances another one may own
 * the contact's segment and signal only in its own JVM.
 */
@Component
public class ProjectionProgress {

    private static final Duration FALLBACK_REREAD = Duration.ofMillis(200);
    private final ConcurrentHashMap<String, CompletableFuture<Long>> signals = new ConcurrentHashMap<>();
    private final StoredVersions store;
    private final long rereadNanos;

    @Autowired
    public ProjectionProgress(StoredVersions store) {
        this(store, FALLBACK_REREAD);
    }

    ProjectionProgress(StoredVersions store, Duration fallbackReread) {
        this.store = store;
        this.rereadNanos = fallbackReread.toNanos();
    }

    /** Called after the projection committed {@code version} of a profile. */
    public void reached(String workspaceId, String contactId, long version) {
        CompletableFuture<Long> signal = signals.remove(key(workspaceId, contactId));
        if (signal != null) {
            signal.complete(version);
        }
    }

    /** True once the stored profile has at least {@code version}; false when {@code timeout} passes first. */
    public boolean awaitVersion(String workspaceId, String contactId, long version, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String key = key(workspaceId, contactId);
        // listen before reading, so a commit between the read and the wait is not missed
        CompletableFuture<Long> signal = signals.computeIfAbsent(key, k -> new CompletableFuture<>());
        long seen = store.versionOf(workspaceId, contactId);
        long nextRead = System.nanoTime() + rereadNanos;
        while (seen < version) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return false;
            }
            if (now >= nextRead) {
                seen = Math.max(seen, store.versionOf(workspaceId, contactId));
                nextRead = now + rereadNanos;
                continue;
            }
            try {
                seen = Math.max(seen, signal.get(Math.min(deadline, nextRead) - now, TimeUnit.NANOSECONDS));
                signal = signals.computeIfAbsent(key, k -> new CompletableFuture<>());
            } catch (TimeoutException | ExecutionException e) {
                // the loop decides: read the store again, or give up
            }
        }
        return true;
    }

    private static String key(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }
}
