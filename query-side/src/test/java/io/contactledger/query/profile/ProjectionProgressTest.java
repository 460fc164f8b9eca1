package io.contactledger.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectionProgressTest {

    /** A read model holding one version for every contact, counting how often it is read. */
    private final AtomicLong stored = new AtomicLong(1);
    private final AtomicInteger reads = new AtomicInteger();
    private final StoredVersions store = (workspace, contact) -> {
        reads.incrementAndGet();
        return stored.get();
    };
    /** Signals arrive within milliseconds here, so a long fallback shows every extra read. */
    private ProjectionProgress progress = new ProjectionProgress(store, Duration.ofSeconds(30));
    private final ExecutorService waiters = Executors.newCachedThreadPool();

    @AfterEach
    void stopWaiters() {
        waiters.shutdownNow();
    }

    @Test
    void aVersionAlreadyStoredIsAnsweredWithOneRead() throws Exception {
        // given the read model at version 1

        // when a request waits for version 1
        boolean reached = progress.whenReached("ws", "c-1", 1, Duration.ofSeconds(5)).get();

        // then it is answered from a single read
        assertThat(reached).isTrue();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWaiterLearnsCommittedVersionsFromSignalsWithoutReadingAgain() throws Exception {
        // given a request waiting for version 3 of a profile stored at version 1
        Future<Boolean> waiting = waitFor("c-1", 3, Duration.ofSeconds(5));
        awaitReads(1);

        // when the projection commits versions 2 and then 3
        signalUntilAnswered("c-1", 2, waiting, 30);
        signalUntilAnswered("c-1", 3, waiting, 1_000);

        // then the request is answered from its first read and the signals alone
        assertThat(waiting.get(1, TimeUnit.SECONDS)).isTrue();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSignalForAnotherContactDoesNotAnswerTheWaiter() throws Exception {
        // given a request waiting for version 2 of c-1
        Future<Boolean> waiting = waitFor("c-1", 2, Duration.ofMillis(300));
        awaitReads(1);

        // when only c-2 reaches version 2
        progress.reached("ws", "c-2", 2);

        // then the request gives up when its time is up
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aVersionCommittedByAnotherInstanceIsFoundByRereadingTheStore() throws Exception {
        // given a request waiting for version 2, with no signal coming (another instance owns the segment)
        progress = new ProjectionProgress(store, Duration.ofMillis(20));
        Future<Boolean> waiting = waitFor("c-1", 2, Duration.ofSeconds(5));
        awaitReads(1);

        // when the store reaches version 2
        stored.set(2);

        // then the request finds it on a later read
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
        assertThat(reads.get()).isGreaterThan(1);
    }

    @Test
    void waitersOfManyContactsAreRereadTogetherNotOneQueryEach() throws Exception {
        // given a read model that counts single and batched reads, and 50 requests waiting for 50 contacts
        AtomicInteger single = new AtomicInteger();
        AtomicInteger batched = new AtomicInteger();
        StoredVersions counting = new StoredVersions() {
            @Override
            public long versionOf(String workspaceId, String contactId) {
                single.incrementAndGet();
                return stored.get();
            }

            @Override
            public java.util.Map<String, Long> versionsOf(String workspaceId, java.util.Collection<String> contactIds) {
                batched.incrementAndGet();
                java.util.Map<String, Long> versions = new java.util.HashMap<>();
                contactIds.forEach(contactId -> versions.put(contactId, stored.get()));
                return versions;
            }
        };
        progress = new ProjectionProgress(counting, Duration.ofMillis(20));
        java.util.List<java.util.concurrent.CompletableFuture<Boolean>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(progress.whenReached("ws", "c-" + i, 2, Duration.ofSeconds(5)));
        }

        // when the store reaches version 2 with no signal (another instance projected it)
        Thread.sleep(100);
        stored.set(2);

        // then every request is answered, each read once on its own and then only in batches
        for (var answer : waiting) {
            assertThat(answer.get(2, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(single).hasValue(50);
        assertThat(batched.get()).isPositive();
    }

    private Future<Boolean> waitFor(String contact, long version, Duration timeout) {
        return waiters.submit(() -> progress.whenReached("ws", contact, version, timeout).get());
    }

    private void awaitReads(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (reads.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(reads.get()).isGreaterThanOrEqualTo(count);
    }

    /**
     * Signals a commit every few milliseconds, as a busy projection would, until the waiter is
     * answered or {@code times} signals went out: a waiter that has just woken re-registers for
     * the next signal, so one signal could fall between the two.
     */
    private void signalUntilAnswered(String contact, long version, Future<Boolean> waiting, int times)
            throws InterruptedException {
        for (int i = 0; i < times && !waiting.isDone(); i++) {
            progress.reached("ws", contact, version);
            Thread.sleep(2);
        }
    }
}
