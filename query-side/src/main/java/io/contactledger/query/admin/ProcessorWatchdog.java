package io.contactledger.query.admin;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.query.QuerySideSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Processors never stay dead. A processor that stopped on its own (an Error escaped a batch, a
 * start failed while the database was away) is started again with exponential backoff, 1 s
 * doubling to 60 s; one a rebuild holds stopped is left to the rebuild. (A segment in error mode
 * is retried by Axon itself, with the same backoff; the status shows its reason meanwhile.)
 */
@Component
class ProcessorWatchdog implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorWatchdog.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private record Backoff(long nextAttemptNanos, Duration delay) {
    }

    private final Projections projections;
    private final RebuildCoordinator rebuilds;
    private final long checkIntervalMs;
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("processor-watchdog"));
    private volatile boolean running;

    ProcessorWatchdog(Projections projections, RebuildCoordinator rebuilds,
            QuerySideSettings settings) {
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.checkIntervalMs = settings.processors().watchdogIntervalMs();
    }

    @Override
    public void start() {
        running = true;
        timer.scheduleWithFixedDelay(this::check, checkIntervalMs, checkIntervalMs, TimeUnit.MILLISECONDS);
    }

    /** Stops watching before the processors are shut down with the application. */
    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's processors start and before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    void check() {
        for (String name : projections.names()) {
            if (!running) {
                return;
            }
            StreamingEventProcessor processor = projections.processor(name).orElseThrow();
            if (processor.isRunning() || rebuilds.holdsStopped(name)) {
                if (processor.isRunning()) {
                    backoffs.remove(name);
                }
                continue;
            }
            Backoff backoff = backoffs.get(name);
            long now = System.nanoTime();
            if (backoff != null && now < backoff.nextAttemptNanos()) {
                continue;
            }
            Duration delay = backoff == null ? FIRST_BACKOFF : min(backoff.delay().multipliedBy(2), MAX_BACKOFF);
            backoffs.put(name, new Backoff(now + delay.toNanos(), delay));
            try {
                log.warn("projection {} is not running; starting it again", name);
                processor.start();
            } catch (RuntimeException e) {
                log.warn("projection {} did not start ({}); next attempt in {}", name, e.getMessage(), delay);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void destroy() {
        stop();
    }
}
