package io.contactledger.query.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.contactledger.events.ContactStreams;
import io.contactledger.query.profile.ContactProfile;
import io.contactledger.support.threads.DaemonThreads;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Writes a rebuild's folded batches on a thread of its own, one transaction each and in the order
 * given, while the builder folds the next: the builder waited for each batch's statements and
 * commit, 40 % of its time, with a core idle (measured per thread). At most {@code depth}
 * batches are queued or being written, so memory stays bounded by the batch size.
 *
 * <p>A batch folded while an earlier one is still being written must start from the profiles
 * that one is writing, not from the copy: {@link #unwritten} answers them until their
 * transaction has committed, after which the copy does. A failed write fails every later call,
 * and nothing after it is written.
 */
final class WriteBehind implements AutoCloseable {

    /** What has been written so far: the events folded into it and the position of the last. */
    record Written(long events, TrackingToken position) {
    }

    private final int depth;
    private final Semaphore room;
    private final ExecutorService writer;
    private final Map<String, ContactProfile> unwritten = new ConcurrentHashMap<>();
    private volatile Written written = new Written(0, null);
    private volatile RuntimeException failure;
    private volatile boolean closed;

    WriteBehind(int depth, String name) {
        this.depth = depth;
        this.room = new Semaphore(depth);
        this.writer = Executors.newSingleThreadExecutor(DaemonThreads.named(name));
    }

    /** The profile of a contact's stream that a queued or running write holds, or null when the copy has its latest. */
    ContactProfile unwritten(String stream) {
        return unwritten.get(stream);
    }

    /**
     * Queues {@code write}, which stores {@code profiles} in a transaction of its own, waiting while
     * {@code depth} batches are ahead of it; once it is done, {@link #written()} says {@code events}
     * events up to {@code position}.
     */
    void submit(List<ContactProfile> profiles, Runnable write, long events, TrackingToken position) throws InterruptedException {
        rethrow();
        room.acquire();
        for (ContactProfile profile : profiles) {
            unwritten.put(stream(profile), profile);
        }
        writer.execute(() -> {
            try {
                if (failure == null && !closed) {
                    write.run();
                    written = new Written(events, position);
                    for (ContactProfile profile : profiles) {
                        unwritten.remove(stream(profile), profile);
                    }
                }
            } catch (Throwable e) {
                failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } finally {
                room.release();
            }
        });
    }

    /** What has been written (committed) so far. */
    Written written() {
        return written;
    }

    /** Waits until every batch submitted is written; throws if one failed. */
    void drain() throws InterruptedException {
        room.acquire(depth);
        room.release(depth);
        rethrow();
    }

    private void rethrow() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException("writing the rebuilt copy failed: " + failed.getMessage(), failed);
        }
    }

    private static String stream(ContactProfile profile) {
        return ContactStreams.contact(profile.workspaceId(), profile.contactId());
    }

    /** Writes nothing more that is queued, and waits for the write under way. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.shutdown();
        writer.awaitTermination(1, TimeUnit.MINUTES);
    }
}
