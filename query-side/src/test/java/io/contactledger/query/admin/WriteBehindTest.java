package io.contactledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.contactledger.events.ContactType;
import io.contactledger.query.profile.ContactProfile;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

/**
 * The rebuild's writes, behind its folds: a profile being written is what the next batch starts
 * from until its transaction is done; batches are written in order, at most two at a time are
 * held, and a failed write stops every later one and fails the build.
 */
class WriteBehindTest {

    private static ContactProfile profile(String contactId, long version) {
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        return new ContactProfile("ws", contactId, ContactType.GUEST, null, null, null, null, null, null, List.of(), Map.of(),
                List.of(), at, at, version);
    }

    private static List<ContactProfile> batch(ContactProfile... written) {
        return List.of(written);
    }

    /** A writer that hands each batch it is given to {@code write}, as the rebuild's transaction would. */
    private static final class Writes implements AutoCloseable {
        private final WriteBehind behind = new WriteBehind(2, "test-writer");
        private final java.util.function.Consumer<List<ContactProfile>> write;

        Writes(java.util.function.Consumer<List<ContactProfile>> write) {
            this.write = write;
        }

        void submit(List<ContactProfile> batch, long events, GlobalSequenceTrackingToken position) throws InterruptedException {
            behind.submit(batch, () -> write.accept(batch), events, position);
        }

        ContactProfile unwritten(String stream) {
            return behind.unwritten(stream);
        }

        WriteBehind.Written written() {
            return behind.written();
        }

        void drain() throws InterruptedException {
            behind.drain();
        }

        @Override
        public void close() throws InterruptedException {
            behind.close();
        }
    }

    @Test
    void givenAWriteUnderWay_whenTheNextBatchAsks_thenItGetsTheProfileBeingWrittenUntilTheWriteIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<List<ContactProfile>> stored = new CopyOnWriteArrayList<>();
        try (Writes writes = new Writes(batch -> {
            started.countDown();
            await(release);
            stored.add(batch);
        })) {
            ContactProfile c1 = profile("c-1", 3);

            writes.submit(batch(c1), 4, new GlobalSequenceTrackingToken(40));
            started.await(5, TimeUnit.SECONDS);

            assertThat(writes.unwritten("ws/c-1")).isSameAs(c1);
            assertThat(writes.unwritten("ws/c-2")).isNull();
            assertThat(writes.written().events()).as("nothing is written yet").isZero();

            release.countDown();
            writes.drain();

            assertThat(stored).containsExactly(batch(c1));
            assertThat(writes.unwritten("ws/c-1")).as("the copy has it now").isNull();
            assertThat(writes.written()).isEqualTo(new WriteBehind.Written(4, new GlobalSequenceTrackingToken(40)));
        }
    }

    @Test
    void givenALaterBatchChangingTheSameContact_whenTheEarlierWriteEnds_thenTheLaterProfileIsStillAnswered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Writes writes = new Writes(batch -> {
            if (batch.get(0).version() == 5) {
                await(release);
            }
        })) {
            ContactProfile first = profile("c-1", 3);
            ContactProfile second = profile("c-1", 5);
            writes.submit(batch(first), 4, new GlobalSequenceTrackingToken(4));
            writes.submit(batch(second), 6, new GlobalSequenceTrackingToken(6));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (writes.written().events() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(writes.written().events()).as("the first is written").isEqualTo(4);
            assertThat(writes.unwritten("ws/c-1")).as("the second is still being written").isSameAs(second);

            release.countDown();
            writes.drain();

            assertThat(writes.unwritten("ws/c-1")).isNull();
            assertThat(writes.written().events()).isEqualTo(6);
        }
    }

    @Test
    void givenTwoBatchesHeld_whenAThirdIsSubmitted_thenItWaitsForRoom() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> order = new CopyOnWriteArrayList<>();
        try (Writes writes = new Writes(batch -> {
            await(release);
            order.add(batch.get(0).version());
        })) {
            writes.submit(batch(profile("c-1", 0)), 1, null);
            writes.submit(batch(profile("c-2", 1)), 2, null);
            AtomicBoolean thirdIn = new AtomicBoolean();
            Thread third = new Thread(() -> {
                try {
                    writes.submit(batch(profile("c-3", 2)), 3, null);
                    thirdIn.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            third.start();
            third.join(300);
            assertThat(thirdIn).as("a third batch waits while two are held").isFalse();

            release.countDown();
            third.join(5_000);
            writes.drain();

            assertThat(thirdIn).isTrue();
            assertThat(order).as("written in the order given").containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void givenAWriteThatFails_whenMoreIsSubmitted_thenNothingLaterIsWrittenAndTheBuilderIsTold() throws Exception {
        List<Long> written = new CopyOnWriteArrayList<>();
        CountDownLatch fail = new CountDownLatch(1);
        try (Writes writes = new Writes(batch -> {
            long version = batch.get(0).version();
            if (version == 1) {
                await(fail);
                throw new IllegalStateException("the database went away");
            }
            written.add(version);
        })) {
            writes.submit(batch(profile("c-1", 0)), 1, null);
            writes.submit(batch(profile("c-2", 1)), 2, null);
            writes.submit(batch(profile("c-3", 2)), 3, null);
            fail.countDown();

            assertThatThrownBy(writes::drain).hasMessageContaining("the database went away");
            assertThatThrownBy(() -> writes.submit(batch(profile("c-4", 3)), 4, null))
                    .hasMessageContaining("the database went away");
            assertThat(written).containsExactly(0L);
            assertThat(writes.written().events()).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
