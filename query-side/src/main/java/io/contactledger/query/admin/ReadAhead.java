package io.contactledger.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Reads a rebuild's events ahead of its writes, on a thread of its own: while the builder folds
 * and writes one batch, the next is fetched from the store and prepared ({@code prepare}: its
 * contacts' keys read, its payloads opened), which was about half of the builder's own time.
 * At most two prepared batches wait, so memory stays bounded by the batch size. A failure of
 * the reader is thrown to the builder by its next {@link #next}.
 */
final class ReadAhead implements AutoCloseable {

    private static final List<TrackedEventMessage<?>> NONE = List.of();

    private final BlockingStream<TrackedEventMessage<?>> stream;
    private final int batchSize;
    private final Consumer<List<TrackedEventMessage<?>>> prepare;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
    private final Thread reader;
    private volatile boolean closed;

    ReadAhead(BlockingStream<TrackedEventMessage<?>> stream, int batchSize, Consumer<List<TrackedEventMessage<?>>> prepare,
            String name) {
        this.stream = stream;
        this.batchSize = batchSize;
        this.prepare = prepare;
        this.reader = new Thread(this::read, name);
        this.reader.setDaemon(true);
        this.reader.start();
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
                while (batch.size() < batchSize && stream.hasNextAvailable(batch.isEmpty() ? 100 : 0, TimeUnit.MILLISECONDS)) {
                    batch.add(stream.nextAvailable());
                }
                if (!batch.isEmpty()) {
                    prepare.accept(batch);
                    ready.put(batch);
                }
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

    /** Stops the reader before the stream it reads is closed. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        reader.interrupt();
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
