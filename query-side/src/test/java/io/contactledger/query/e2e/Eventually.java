package io.contactledger.query.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting, in the process suites, for what another process does in its own time. */
final class Eventually {

    private Eventually() {
    }

    static void eventually(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
