package io.contactledger.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Reads a rebuild's events ahead of its folds, on two threads of their own: while the builder
 * folds one batch, the next is prepared ({@code prepare}: its contacts' keys read, its payloads
 * opened) and the one after it fetched from the store. Fetching is mostly waiting for the
 * database and preparing mostly decrypting and parsing; on one thread they were the slowest step
 * of a rebuild, the builder waiting for them half of its time (JFR). At most two prepared
 * batches and one fetched wait. A batch ends at the batch size or once its events' stored
 * payloads reach {@code batchBytes}, whichever comes first (an event bigger than that is a batch
 * of its own), so the memory a batch takes is bounded by bytes too: a merge carries the notes of
 * the contact merged, and notes per contact have no limit. A failure of either thread is thrown
 * to the builder by its next {@link #next}.
 */
final class ReadAhead implements AutoCloseable {

    private static final List<TrackedEventMessage<?>> NONE = List.of();

    private final BlockingStream<TrackedEventMessage<?>> stream;
    private final int batchSize;
    private final long batchBytes;
    private final ToLongFunction<TrackedEventMessage<?>> sizeOf;
    private final Consumer<List<TrackedEventMessage<?>>> prepare;
    private final BlockingQueue<Object> fetched = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
    private final Thread reader;
    private final Thread preparer;
    private volatile boolean closed;

    /** {@code sizeOf} tells an event's stored size in bytes without opening its payload. */
    ReadAhead(BlockingStream<TrackedEventMessage<?>> stream, int batchSize, long batchBytes,
            ToLongFunction<TrackedEventMessage<?>> sizeOf, Consumer<List<TrackedEventMessage<?>>> prepare, String name) {
        this.stream = stream;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
        this.sizeOf = sizeOf;
        this.prepare = prepare;
        this.reader = new Thread(this::read, name);
        this.reader.setDaemon(true);
        this.preparer = new Thread(this::prepare, name + "-preparer");
        this.preparer.setDaemon(true);
        this.reader.start();
        this.preparer.start();
    }

    /** The next prepared batch in the store's order, or an empty one when none arrived within 100 ms. */
    List<TrackedEventMessage<?>> next() throws InterruptedException {
        Object next = ready.poll(100, TimeUnit.MILLISECONDS);
        if (next instanceof Throwable failure) {
            ready.offer(failure);
            throw new IllegalStateException("reading the event store for the rebuild failed: " + failure.getMessage(), failure);
        }
        @SuppressWarnings("unchecked")
        List<TrackedEventMessage<?>> batch = next == null ? NONE : (List<TrackedEventMessage<?>>) next;
        return batch;
    }

    private void read() {
        try {
            while (!closed) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                long bytes = 0;
                while (batch.size() < batchSize && bytes < batchBytes
                        && stream.hasNextAvailable(batch.isEmpty() ? 100 : 0, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    batch.add(event);
                    bytes += sizeOf.applyAsLong(event);
                }
                if (!batch.isEmpty()) {
                    fetched.put(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            if (!closed) {
                fetched.clear();
                fetched.offer(failure);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void prepare() {
        try {
            while (!closed) {
                Object next = fetched.take();
                if (next instanceof Throwable failure) {
                    throw failure;
                }
                List<TrackedEventMessage<?>> batch = (List<TrackedEventMessage<?>>) next;
                prepare.accept(batch);
                ready.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            if (!closed) {
                ready.clear();
                ready.offer(failure);
            }
        }
    }

    /** Stops both threads before the stream they read is closed. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        reader.interrupt();
        preparer.interrupt();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        preparer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
