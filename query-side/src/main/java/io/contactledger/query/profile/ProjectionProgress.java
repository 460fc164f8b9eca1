package io.contactledger.query.profile;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a request waits until the profile read model has reached a version. The
 * projection signals each committed profile; a waiter wakes on its contact's signal, and re-reads
 * at a slow fallback interval too, because with several query-side instances another one may own
 * the contact's segment and signal only in its own JVM.
 */
@Component
public class ProjectionProgress {

    private static final long FALLBACK_RECHECK_MS = 200;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
    private final ProfileStore store;

    public ProjectionProgress(ProfileStore store) {
        this.store = store;
    }

    /** Called after the projection committed a new version of a profile. */
    public void reached(String workspaceId, String contactId) {
        CompletableFuture<Void> signal = signals.remove(key(workspaceId, contactId));
        if (signal != null) {
            signal.complete(null);
        }
    }

    /** True once the stored profile has at least {@code version}; false when {@code timeout} passes first. */
    public boolean awaitVersion(String workspaceId, String contactId, long version, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String key = key(workspaceId, contactId);
        while (true) {
            CompletableFuture<Void> signal = signals.computeIfAbsent(key, k -> new CompletableFuture<>());
            if (store.versionOf(workspaceId, contactId) >= version) {
                return true;
            }
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                return false;
            }
            try {
                signal.get(Math.min(remainingMs, FALLBACK_RECHECK_MS), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // re-read below: the fallback for signals raised in another instance
            }
        }
    }

    private static String key(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }
}
