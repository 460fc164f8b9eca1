package io.contactledger.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast a projection's position moves: positions sampled whenever the status is read, the rate
 * taken over the last ten seconds of samples, and the end of the lag estimated from it.
 */
final class ProgressRate {

    private static final long WINDOW_NANOS = Duration.ofSeconds(10).toNanos();

    private record Sample(long nanos, long position) {
    }

    /** Events per second (null until two samples a moment apart exist) and the estimated end of the lag. */
    record Progress(Double eventsPerSecond, Instant estimatedEnd) {
    }

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    Progress observe(String name, long position, long lag) {
        long now = System.nanoTime();
        Deque<Sample> window = samples.computeIfAbsent(name, k -> new ArrayDeque<>());
        synchronized (window) {
            if (!window.isEmpty() && position < window.peekLast().position()) {
                window.clear(); // a rebuild started over
            }
            window.addLast(new Sample(now, position));
            while (window.size() > 2 && now - window.peekFirst().nanos() > WINDOW_NANOS) {
                window.removeFirst();
            }
            Sample first = window.peekFirst();
            long elapsed = now - first.nanos();
            if (window.size() < 2 || elapsed < 200_000_000L) {
                return new Progress(null, lag == 0 ? Instant.now() : null);
            }
            double rate = (position - first.position()) / (elapsed / 1e9);
            Instant end = lag == 0 ? Instant.now() : rate > 0 ? Instant.now().plusMillis((long) (lag / rate * 1000)) : null;
            return new Progress(Math.round(rate * 10) / 10.0, end);
        }
    }
}
