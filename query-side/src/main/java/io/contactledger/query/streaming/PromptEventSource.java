package io.contactledger.query.streaming;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.support.config.SharedSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The event store as the pooled processors' source, telling them promptly when new events exist.
 * Axon's pooled processor, given a stream that cannot say so, looks for new events only every
 * 500 ms, which would be most of the projection lag: the command side appends from another
 * process, so nothing in this JVM hears of it. Here one watcher reads the store's head at the
 * event store's own polling interval and wakes every open stream when it moves, again one and
 * three intervals later so a wake-up cannot come before the store's reader has fetched the events.
 */
@Component("promptEventSource")
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

    private final EventStore eventStore;
    private final long intervalMs;
    private final Set<PromptStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("event-head-watcher"));
    private volatile long lastHead = -1;

    public PromptEventSource(EventStore eventStore, SharedSettings settings) {
        long intervalMs = settings.eventStore().fetchDelayMs();
        this.eventStore = eventStore;
        this.intervalMs = intervalMs;
        watcher.scheduleWithFixedDelay(this::checkHead, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void checkHead() {
        if (streams.isEmpty()) {
            return;
        }
        try {
            long head = eventStore.createHeadToken() == null ? -1 : eventStore.createHeadToken().position().orElse(-1);
            if (head > lastHead) {
                lastHead = head;
                wakeStreams();
                watcher.schedule(this::wakeStreams, intervalMs, TimeUnit.MILLISECONDS);
                watcher.schedule(this::wakeStreams, 3 * intervalMs, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.debug("could not read the head of the event store; the processors' own polling still works", e);
        }
    }

    private void wakeStreams() {
        streams.forEach(PromptStream::wake);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }

    /** A stream of the event store that accepts an availability callback; everything else is delegated. */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable onAvailable;

        PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void wake() {
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            streams.add(this);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
