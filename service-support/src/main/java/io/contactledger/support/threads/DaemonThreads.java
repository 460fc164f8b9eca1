package io.contactledger.support.threads;

import java.util.concurrent.ThreadFactory;

/** Threads of background work (pollers, senders): named for thread dumps, and never keeping the JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
