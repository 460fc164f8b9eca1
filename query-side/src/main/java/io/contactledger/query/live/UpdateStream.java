package io.contactledger.query.live;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open {@code text/event-stream}: events are queued by whoever produces them and written in
 * order by one sender at a time, so a slow client never holds up the poll or other streams. A
 * client that falls {@value #MAX_PENDING} events behind is disconnected; it reconnects and starts
 * again from the current state, which is all a stream of current states owes it.
 */
final class UpdateStream {

    static final int MAX_PENDING = 512;

    private final SseEmitter emitter;
    private final Executor senders;
    private final Runnable onClose;
    private final Queue<SseEmitter.SseEventBuilder> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long lastVersion = -1;

    UpdateStream(SseEmitter emitter, Executor senders, Runnable onClose) {
        this.emitter = emitter;
        this.senders = senders;
        this.onClose = onClose;
        emitter.onCompletion(this::forget);
        emitter.onTimeout(this::close);
        emitter.onError(failure -> close());
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Queues a state of version {@code version} unless this stream was given that version or a newer one. */
    synchronized void offerVersion(long version, SseEmitter.SseEventBuilder event) {
        if (version <= lastVersion) {
            return;
        }
        lastVersion = version;
        offer(event);
    }

    void offer(SseEmitter.SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        if (size.incrementAndGet() > MAX_PENDING) {
            close();
            return;
        }
        pending.add(event);
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                close();
            }
        }
    }

    private void drain() {
        try {
            SseEmitter.SseEventBuilder event;
            while (!closed.get() && (event = pending.poll()) != null) {
                size.decrementAndGet();
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the response was completed under us): nothing to tell it
            close();
        } finally {
            draining.set(false);
        }
        if (!closed.get() && !pending.isEmpty()) {
            schedule();
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            onClose.run();
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // already completed by the container
            }
        }
    }

    private void forget() {
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            onClose.run();
        }
    }
}
