package io.contactledger.query.admin;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.query.QuerySideSettings;
import io.contactledger.support.config.SharedSettings;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shares each projection's segments among the live query-side instances. Axon's pooled processor
 * claims every free segment, so the first instance would keep them all. Each instance writes a
 * heartbeat; an instance holding more than its fair share (segments / live instances, rounded
 * up) releases the excess, which another instance then claims. When an instance dies its
 * heartbeat and its claims expire, and the survivors' share grows to take its segments over.
 */
@Component
class SegmentBalancer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** Axon's JDBC token store names claim owners the same way. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName();
    private final Projections projections;
    private final JdbcClient jdbc;
    private final long liveForMs;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("segment-balancer"));

    SegmentBalancer(Projections projections, JdbcClient jdbc,
            QuerySideSettings settings, SharedSettings shared) {
        java.time.Duration claimTimeout = shared.processors().claimTimeout();
        long intervalMs = settings.processors().balanceIntervalMs();
        this.projections = projections;
        this.jdbc = jdbc;
        this.liveForMs = claimTimeout.toMillis();
        ticker.scheduleWithFixedDelay(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            if (jdbc.sql("UPDATE query_instance SET seen_at = ? WHERE owner = ?").params(now, owner).update() == 0) {
                jdbc.sql("INSERT INTO query_instance (owner, seen_at) VALUES (?, ?)").params(owner, now).update();
            }
            jdbc.sql("DELETE FROM query_instance WHERE seen_at < ?").param(now - 10 * liveForMs).update();
            long live = jdbc.sql("SELECT COUNT(*) FROM query_instance WHERE seen_at >= ?").param(now - liveForMs)
                    .query(Long.class).single();
            for (String name : projections.names()) {
                balance(name, projections.processor(name).orElseThrow(), Math.max(1, live));
            }
        } catch (RuntimeException e) {
            log.debug("segment balancing skipped this round", e);
        }
    }

    private void balance(String name, StreamingEventProcessor processor, long liveInstances) {
        if (!processor.isRunning()) {
            return;
        }
        long segments = jdbc.sql("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?").param(name)
                .query(Long.class).single();
        long share = (segments + liveInstances - 1) / liveInstances;
        List<Integer> mine = jdbc.sql("SELECT segment FROM token_entry WHERE processor_name = ? AND owner = ? ORDER BY segment")
                .params(name, owner).query(Integer.class).list();
        for (int i = (int) share; i < mine.size(); i++) {
            log.info("releasing segment {} of {}: {} live instances share {} segments", mine.get(i), name, liveInstances, segments);
            processor.releaseSegment(mine.get(i));
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        try {
            jdbc.sql("DELETE FROM query_instance WHERE owner = ?").param(owner).update();
        } catch (RuntimeException e) {
            log.debug("could not remove the heartbeat; it expires", e);
        }
    }
}
