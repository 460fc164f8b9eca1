package io.contactledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** A store's stream over events put into it, waiting as Axon's does when none is there. */
    private static final class Store implements BlockingStream<TrackedEventMessage<?>> {
        private final LinkedBlockingQueue<TrackedEventMessage<?>> events = new LinkedBlockingQueue<>();
        private long position;

        /** Events whose payloads are strings of the given lengths. */
        void appendSized(int... lengths) {
            for (int length : lengths) {
                events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                        GenericEventMessage.asEventMessage("x".repeat(length))));
            }
        }

        void append(int count) {
            for (int i = 0; i < count; i++) {
                events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                        GenericEventMessage.asEventMessage("event " + position)));
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long end = System.nanoTime() + unit.toNanos(timeout);
            while (events.isEmpty()) {
                if (System.nanoTime() >= end) {
                    return false;
                }
                Thread.sleep(1);
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.take();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void givenEventsInTheStore_whenReadAhead_thenEveryEventComesOnceInOrderInPreparedBatchesOfAtMostTheBatchSize() throws Exception {
        Store store = new Store();
        store.append(1_234);
        Set<TrackedEventMessage<?>> prepared = ConcurrentHashMap.newKeySet();
        List<Long> positions = new ArrayList<>();

        try (ReadAhead events = new ReadAhead(store, 100, Long.MAX_VALUE, event -> 1, prepared::addAll, "test-reader")) {
            while (positions.size() < 1_234) {
                List<TrackedEventMessage<?>> batch = events.next();
                assertThat(batch).hasSizeLessThanOrEqualTo(100);
                assertThat(prepared).as("prepared before handed out").containsAll(batch);
                batch.forEach(event -> positions.add(((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex()));
            }
            assertThat(events.next()).as("nothing more in the store").isEmpty();
        }
        assertThat(positions).hasSize(1_234).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givenAReaderThatFails_whenTheBuilderAsksForTheNextBatch_thenTheFailureReachesIt() throws Exception {
        Store store = new Store();
        store.append(10);

        try (ReadAhead events = new ReadAhead(store, 100, Long.MAX_VALUE, event -> 1, batch -> {
            throw new IllegalStateException("payload cannot be opened");
        }, "test-reader")) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    events.next();
                }
            }).hasMessageContaining("payload cannot be opened");
            assertThatThrownBy(events::next).as("and again, not an empty batch as if the store had run dry")
                    .hasMessageContaining("payload cannot be opened");
        }
    }

    @Test
    void givenABuilderAhead_whenMoreThanTwoBatchesCouldBeRead_thenTheReaderWaitsAndCloseStopsIt() throws Exception {
        Store store = new Store();
        store.append(10_000);
        ReadAhead events = new ReadAhead(store, 100, Long.MAX_VALUE, event -> 1, batch -> { }, "test-reader-bounded");
        Thread.sleep(300);

        assertThat(store.events).as("two prepared batches waiting, one being prepared, one fetched and one being read at most")
                .hasSizeGreaterThanOrEqualTo(10_000 - 500);

        events.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("test-reader-bounded"));
    }

    @Test
    void givenEventsOfMixedSizes_whenReadAheadWithAByteBound_thenABatchEndsOnceItReachesItAndABigEventComesAlone() throws Exception {
        Store store = new Store();
        // sizes in bytes, the bound 1,000: a big event alone, small ones together up to the bound
        store.appendSized(100, 100, 5_000, 300, 300, 300, 300, 10, 10);
        List<List<Integer>> batches = new ArrayList<>();

        try (ReadAhead events = new ReadAhead(store, 100, 1_000, event -> ((String) event.getPayload()).length(),
                batch -> { }, "test-reader-bytes")) {
            int seen = 0;
            while (seen < 9) {
                List<TrackedEventMessage<?>> batch = events.next();
                if (!batch.isEmpty()) {
                    batches.add(batch.stream().map(event -> ((String) event.getPayload()).length()).toList());
                    seen += batch.size();
                }
            }
        }

        assertThat(batches).as("every event once, in order").flatMap(batch -> batch)
                .containsExactly(100, 100, 5_000, 300, 300, 300, 300, 10, 10);
        assertThat(batches).as("a batch takes events until their bytes reach the bound, the one that reaches it included")
                .allSatisfy(batch -> assertThat(batch.subList(0, batch.size() - 1).stream().mapToInt(Integer::intValue).sum())
                        .isLessThan(1_000));
        assertThat(batches).as("the big event ends the batch it joins").anySatisfy(batch -> assertThat(batch).endsWith(5_000));
        assertThat(batches.size()).as("the bound cut the nine events into several batches").isGreaterThanOrEqualTo(3);
    }
}
