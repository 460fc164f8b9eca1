package io.contactledger.query.admin;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.query.QuerySideSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a projection other than the profiles' (those rebuild blue/green: {@link ProfileRebuild})
 * across every query-side instance. Axon can reset a processor's tokens
 * only while no instance holds a segment, so a rebuild goes through the shared
 * {@code projection_rebuild} table: a request raises the generation; every instance that sees a
 * raised generation stops its processor (releasing its claims); once no claim is left, the first
 * instance to mark the generation done does the reset in the same transaction; every instance
 * then starts its processor again and the segments replay the store, split as usual.
 */
@Component
class RebuildCoordinator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildCoordinator.class);

    private final Projections projections;
    private final ProfileRebuild profileRebuild;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Set<String> stoppedForRebuild = ConcurrentHashMap.newKeySet();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("projection-rebuild"));

    RebuildCoordinator(Projections projections, ProfileRebuild profileRebuild, JdbcClient jdbc,
            PlatformTransactionManager transactions, QuerySideSettings settings) {
        long intervalMs = settings.rebuild().checkIntervalMs();
        this.projections = projections;
        this.profileRebuild = profileRebuild;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        ticker.scheduleWithFixedDelay(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    record Generations(long requested, long done) {
    }

    /** Asks every instance to rebuild the projection; returns the generation of this request. */
    long request(String name) {
        return transaction.execute(status -> {
            int raised = jdbc.sql("UPDATE projection_rebuild SET requested_generation = requested_generation + 1"
                    + " WHERE processor_name = ?").param(name).update();
            if (raised == 0) {
                jdbc.sql("INSERT INTO projection_rebuild (processor_name, requested_generation, done_generation)"
                        + " VALUES (?, 1, 0)").param(name).update();
            }
            states.put(name, "requested");
            return generations(name).orElseThrow().requested();
        });
    }

    /** True while this instance holds the projection stopped for a rebuild (nobody else may start it). */
    boolean holdsStopped(String name) {
        return stoppedForRebuild.contains(name)
                || (io.contactledger.query.profile.LiveTables.MODEL.equals(name) && profileRebuild.holdsProjection());
    }

    String state(String name) {
        return states.getOrDefault(name, "none");
    }

    private void tick() {
        for (String name : projections.names()) {
            try {
                Optional<Generations> generations = generations(name);
                if (generations.isPresent()) {
                    advance(name, projections.processor(name).orElseThrow(), generations.get());
                }
            } catch (Exception e) {
                log.warn("rebuild step for {} failed; retrying", name, e);
            }
        }
    }

    private void advance(String name, StreamingEventProcessor processor, Generations g) throws Exception {
        if (g.requested() > g.done()) {
            if (processor.isRunning()) {
                // remembered before stopping: a shutdown that outlasts the wait must still be restarted
                stoppedForRebuild.add(name);
                processor.shutdownAsync().get(30, TimeUnit.SECONDS);
                states.put(name, "stopped");
            }
            if (claimsHeld(name) == 0) {
                resetOnce(name, processor, g.requested());
            }
        } else if (stoppedForRebuild.remove(name)) {
            processor.start();
            states.put(name, "restarted");
            log.info("projection {} restarted after rebuild {}", name, g.done());
        }
    }

    /** Only one instance marks the generation done, and it resets the tokens in that same transaction. */
    private void resetOnce(String name, StreamingEventProcessor processor, long generation) {
        transaction.executeWithoutResult(status -> {
            int won = jdbc.sql("UPDATE projection_rebuild SET done_generation = ? WHERE processor_name = ?"
                    + " AND done_generation < ?").params(generation, name, generation).update();
            if (won == 1) {
                processor.resetTokens();
                log.info("projection {} reset for rebuild {}", name, generation);
            }
        });
    }

    private long claimsHeld(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL")
                .param(name).query(Long.class).single();
    }

    private Optional<Generations> generations(String name) {
        return jdbc.sql("SELECT requested_generation, done_generation FROM projection_rebuild WHERE processor_name = ?")
                .param(name)
                .query((rs, i) -> new Generations(rs.getLong(1), rs.getLong(2)))
                .optional();
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
