package io.contactledger.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.events.ContactEvent;
import io.contactledger.query.QuerySideSettings;
import io.contactledger.query.profile.BatchFold;
import io.contactledger.support.keys.ContactKeys;
import io.contactledger.query.profile.DeferredIndexes;
import io.contactledger.query.profile.LiveTables;
import io.contactledger.query.profile.ProfileStore;
import io.contactledger.query.profile.ProfileTables;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the profile read model without taking it away (docs/decisions.md, "Rebuilds without
 * downtime"). One instance fills the copy that is not live from the whole event store, batch by
 * batch with the live projection's own fold, while the live copy goes on serving and being
 * projected. Once the copy has caught up with the store's head, every instance holds its profile
 * projection (switching); the builder takes the events that arrived meanwhile and then, in one
 * transaction, makes its copy live and hands the projection its position, so the projection goes
 * on from there into the new copy. A cancelled or failed build leaves the live copy as it was.
 * Another instance takes over a build whose builder stopped reporting.
 */
@Component
class ProfileRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProfileRebuild.class);
    private static final String MODEL = LiveTables.MODEL;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    private static final Duration OLD_COPY_KEPT = Duration.ofSeconds(30);

    private final EventStore eventStore;
    private final ContactKeys keys;
    private final ProfileStore store;
    private final DeferredIndexes indexes;
    private final AsyncCommits asyncCommits;
    private final LiveTables live;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final Projections projections;
    private final QuerySideSettings.Rebuild settings;
    private final long takeOverAfterMs;
    private final Duration claimTimeout;
    private final String instance = UUID.randomUUID().toString();
    private final ProgressRate rates = new ProgressRate();
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile boolean stopping;
    private final AtomicBoolean holdingProjection = new AtomicBoolean();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(DaemonThreads.named("profile-rebuild"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("profile-rebuild-tick"));

    ProfileRebuild(EventStore eventStore, ContactKeys keys, ProfileStore store, DeferredIndexes indexes, LiveTables live, JdbcClient jdbc,
            PlatformTransactionManager transactions, Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
            Projections projections, QuerySideSettings settings, io.contactledger.support.config.SharedSettings shared,
            AsyncCommits asyncCommits) {
        this.eventSerializer = eventSerializer;
        this.asyncCommits = asyncCommits;
        this.eventStore = eventStore;
        this.keys = keys;
        this.store = store;
        this.indexes = indexes;
        this.live = live;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.serializer = serializer;
        this.projections = projections;
        this.settings = settings.rebuild();
        this.claimTimeout = shared.processors().claimTimeout();
        this.takeOverAfterMs = Math.max(3_000, 6 * this.settings.checkIntervalMs());
        ticker.scheduleWithFixedDelay(this::tick, this.settings.checkIntervalMs(), this.settings.checkIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts a rebuild, or answers the one already under way; returns its id. */
    long start() {
        long head = position(eventStore.createHeadToken());
        Long id = transaction.execute(status -> {
            Optional<ProfileBuildState> current = state();
            if (current.isPresent() && current.get().underway()) {
                return current.get().id();
            }
            long next = current.map(ProfileBuildState::id).orElse(0L) + 1;
            String target = live.current().other().slot();
            long now = System.currentTimeMillis();
            int updated = jdbc.sql("UPDATE read_model_build SET build_id = ?, state = ?, target = ?, owner = ?, heartbeat = ?,"
                            + " started_at = ?, finished_at = NULL, events_done = 0, events_total = ?, position = -1, error = NULL"
                            + " WHERE model = ?")
                    .params(next, ProfileBuildState.BUILDING, target, instance, now, now, Math.max(0, head + 1), MODEL).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO read_model_build (model, build_id, state, target, owner, heartbeat, started_at,"
                                + " events_done, events_total, position) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, -1)")
                        .params(MODEL, next, ProfileBuildState.BUILDING, target, instance, now, now, Math.max(0, head + 1)).update();
            }
            return next;
        });
        launchOnceCommitted(id);
        return id;
    }

    /**
     * The request may run inside a transaction of its own (an Idempotency-Key keeps its answer in
     * it): the builder reads the build's row, so it starts only once that row is committed.
     */
    private void launchOnceCommitted(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    launch(id);
                }
            });
        } else {
            launch(id);
        }
    }

    /** Cancels the rebuild under way: true if there was one. The live copy is untouched. */
    boolean cancel() {
        return jdbc.sql("UPDATE read_model_build SET state = ?, finished_at = ? WHERE model = ? AND state IN (?, ?)")
                .params(ProfileBuildState.CANCELLED, System.currentTimeMillis(), MODEL, ProfileBuildState.BUILDING,
                        ProfileBuildState.SWITCHING)
                .update() == 1;
    }

    /** True while this instance holds the profile projection for a switch (nobody else may start it). */
    boolean holdsProjection() {
        return holdingProjection.get();
    }

    Optional<ProfileBuildState> state() {
        return jdbc.sql("SELECT build_id, state, target, events_done, events_total, started_at, finished_at, error, owner,"
                        + " heartbeat FROM read_model_build WHERE model = ?")
                .param(MODEL)
                .query((rs, i) -> {
                    long done = rs.getLong(4);
                    long total = rs.getLong(5);
                    String state = rs.getString(2);
                    ProgressRate.Progress progress = rates.observe("build-" + rs.getLong(1), done,
                            Math.max(0, total - done));
                    long finished = rs.getLong(7);
                    return new ProfileBuildState(rs.getLong(1), state, rs.getString(3), done, total,
                            progress.eventsPerSecond(), BUILDING_STATES.contains(state) ? progress.estimatedEnd() : null,
                            Instant.ofEpochMilli(rs.getLong(6)), rs.wasNull() || finished == 0 ? null : Instant.ofEpochMilli(finished),
                            rs.getString(8));
                })
                .optional();
    }

    private static final List<String> BUILDING_STATES = List.of(ProfileBuildState.BUILDING, ProfileBuildState.SWITCHING);

    // ---- every instance, every tick -----------------------------------------------------

    private void tick() {
        try {
            Optional<Row> row = row();
            StreamingEventProcessor processor = projections.processor(MODEL).orElse(null);
            if (row.isEmpty() || processor == null) {
                return;
            }
            Row r = row.get();
            if (ProfileBuildState.SWITCHING.equals(r.state())) {
                if (processor.isRunning()) {
                    // remembered before stopping: a shutdown that outlasts the wait must still be restarted
                    holdingProjection.set(true);
                    processor.shutdownAsync().get(30, TimeUnit.SECONDS);
                    log.info("profile projection held for the switch to rebuilt copy {}", r.target());
                }
            } else if (holdingProjection.get()) {
                holdingProjection.set(false);
                processor.start();
                log.info("profile projection restarted after rebuild {} ({})", r.id(), r.state());
            }
            if (r.underway() && !building.get() && System.currentTimeMillis() - r.heartbeat() > takeOverAfterMs) {
                takeOver(r);
            }
            if (ProfileBuildState.DONE.equals(r.state()) && r.finishedAt() > 0
                    && System.currentTimeMillis() - r.finishedAt() > OLD_COPY_KEPT.toMillis()) {
                retireOldCopy(r);
            }
        } catch (Exception e) {
            log.warn("rebuild step failed; retrying", e);
        }
    }

    private record Row(long id, String state, String target, String owner, long heartbeat, long finishedAt) {
        boolean underway() {
            return BUILDING_STATES.contains(state);
        }
    }

    private Optional<Row> row() {
        return jdbc.sql("SELECT build_id, state, target, owner, heartbeat, finished_at FROM read_model_build WHERE model = ?")
                .param(MODEL)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6)))
                .optional();
    }

    /** The builder stopped reporting (its instance died): build again from the start here. */
    private void takeOver(Row stale) {
        int won = jdbc.sql("UPDATE read_model_build SET owner = ?, heartbeat = ?, state = ?, events_done = 0, position = -1"
                        + " WHERE model = ? AND build_id = ? AND owner = ? AND heartbeat = ?")
                .params(instance, System.currentTimeMillis(), ProfileBuildState.BUILDING, MODEL, stale.id(), stale.owner(),
                        stale.heartbeat())
                .update();
        if (won == 1) {
            log.warn("rebuild {} lost its builder; this instance builds it again from the start", stale.id());
            launch(stale.id());
        }
    }

    /** The replaced copy is emptied a while after the switch, once no read that began before it can still use it. */
    private void retireOldCopy(Row done) {
        transaction.executeWithoutResult(status -> {
            int won = jdbc.sql("UPDATE read_model_build SET finished_at = 0 WHERE model = ? AND build_id = ? AND finished_at = ?")
                    .params(MODEL, done.id(), done.finishedAt()).update();
            if (won == 1) {
                store.empty(ProfileTables.of(done.target()).other());
                log.info("the profile copy replaced by rebuild {} is emptied", done.id());
            }
        });
    }

    // ---- the builder ----------------------------------------------------------------------

    private void launch(long id) {
        if (building.compareAndSet(false, true)) {
            builder.execute(() -> {
                try {
                    build(id);
                } finally {
                    building.set(false);
                }
            });
        }
    }

    private void build(long id) {
        ProfileTables target;
        try {
            target = ProfileTables.of(row().orElseThrow().target());
            if (live.current().equals(target)) {
                throw new IllegalStateException("the copy to build is the live one");
            }
            transaction.executeWithoutResult(status -> {
                store.empty(target);
                indexes.defer(target);
            });
        } catch (RuntimeException e) {
            fail(id, e);
            return;
        }
        log.info("rebuild {} fills profile copy {} from the event store", id, target.slot());
        TrackingToken last = null;
        long done = 0;
        long analyzedAt = 2_500;
        long reported = System.nanoTime();
        long started = reported;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
                ReadAhead events = new ReadAhead(stream, settings.batchSize(), settings.batchBytes().toBytes(), this::storedSize,
                        batch -> BatchFold.open(batch, keys), "profile-rebuild-reader");
                WriteBehind writes = new WriteBehind(2, "profile-rebuild-writer")) {
            while (true) {
                List<TrackedEventMessage<?>> batch = events.next();
                if (!batch.isEmpty()) {
                    done += batch.size();
                    last = batch.get(batch.size() - 1).trackingToken();
                    submit(fold(batch, target, writes), target, writes, done, last);
                    if (done >= analyzedAt * 4) {
                        // at 10k events, 40k, 160k, …: the statistics the build's lookups are planned by keep up
                        // with the copy's size (the planner scales row counts by the table's pages in between)
                        analyzedAt = done;
                        indexes.analyzeKeys(target);
                    }
                }
                // at the store's head, give or take what writers append meanwhile (a batch's worth)
                boolean caughtUp = batch.size() < settings.batchSize()
                        && position(eventStore.createHeadToken()) - position(last) <= settings.batchSize();
                if (caughtUp || System.nanoTime() - reported > REPORT_EVERY.toNanos()) {
                    reported = System.nanoTime();
                    if (caughtUp) {
                        writes.drain();
                    }
                    WriteBehind.Written written = writes.written();
                    Optional<Row> row = report(id, written.events(), written.position());
                    if (row.isEmpty()) {
                        log.info("rebuild {} was cancelled or taken over; the live copy stays as it was", id);
                        return;
                    }
                    if (caughtUp && ProfileBuildState.BUILDING.equals(row.get().state())) {
                        // the copy's secondary indexes, built once now rather than row by row through the replay
                        long filled = System.nanoTime();
                        indexes.restoreAndAnalyze(target);
                        // where a build's time goes, for whoever tunes it
                        log.info("rebuild {} filled copy {} with {} events in {} ms; its indexes and statistics took {} ms",
                                id, target.slot(), written.events(), (filled - started) / 1_000_000,
                                (System.nanoTime() - filled) / 1_000_000);
                        jdbc.sql("UPDATE read_model_build SET state = ? WHERE model = ? AND build_id = ? AND state = ?")
                                .params(ProfileBuildState.SWITCHING, MODEL, id, ProfileBuildState.BUILDING).update();
                        // this instance holds its projection now rather than at its next tick (the others at theirs)
                        ticker.execute(this::tick);
                    } else if (caughtUp && ProfileBuildState.SWITCHING.equals(row.get().state()) && claimsHeld() == 0) {
                        // Every instance holds its projection: take what arrived up to the head as it is now (writes
                        // go on; a gap that never fills must not hold the switch forever), then switch. The
                        // projection goes on from wherever this ends.
                        long head = position(eventStore.createHeadToken());
                        for (int i = 0; i < 1_000 && position(last) < head; i++) {
                            List<TrackedEventMessage<?>> rest = events.next();
                            if (!rest.isEmpty()) {
                                done += rest.size();
                                last = rest.get(rest.size() - 1).trackingToken();
                                submit(fold(rest, target, writes), target, writes, done, last);
                            }
                        }
                        writes.drain();
                        if (switchTo(id, target, last, done)) {
                            return;
                        }
                    }
                }
            }
        } catch (Exception e) {
            fail(id, e);
        }
    }

    /** Folds a batch onto the copy as stored, or as the writes still under way leave it. */
    private List<ProfileStore.Replacement> fold(List<TrackedEventMessage<?>> batch, ProfileTables target, WriteBehind writes) {
        BatchFold fold = BatchFold.intoRebuiltCopy(batch, store, target, eventStore, writes::unwritten);
        for (TrackedEventMessage<?> message : batch) {
            if (message.getPayload() instanceof ContactEvent event && message instanceof DomainEventMessage<?> domain) {
                fold.apply(event, domain);
            }
        }
        return fold.replacements();
    }

    /** The batch's rows are made here (JSON documents and all); the writer only sends them, in a transaction of its own. */
    private void submit(List<ProfileStore.Replacement> replacements, ProfileTables target, WriteBehind writes, long done,
            TrackingToken last) throws InterruptedException {
        ProfileStore.Rows rows = store.rows(replacements);
        writes.submit(replacements.stream().map(ProfileStore.Replacement::next).toList(), () -> transaction.executeWithoutResult(
                status -> {
                    asyncCommits.forThisTransaction();
                    store.write(target, rows);
                }), done, last);
    }

    /** Progress and heartbeat; empty when this build is no longer this instance's to run. */
    private Optional<Row> report(long id, long done, TrackingToken last) {
        long head = position(eventStore.createHeadToken());
        int mine = jdbc.sql("UPDATE read_model_build SET heartbeat = ?, events_done = ?, events_total = ?, position = ?"
                        + " WHERE model = ? AND build_id = ? AND owner = ? AND state IN (?, ?)")
                .params(System.currentTimeMillis(), done, Math.max(done, head + 1), position(last), MODEL, id, instance,
                        ProfileBuildState.BUILDING, ProfileBuildState.SWITCHING)
                .update();
        return mine == 1 ? row() : Optional.empty();
    }

    /** In one transaction: the copy becomes live and the projection's segments go on from where the build ended. */
    private boolean switchTo(long id, ProfileTables target, TrackingToken position, long done) {
        Boolean switched = transaction.execute(status -> {
            indexes.restore(target);
            int still = jdbc.sql("UPDATE read_model_build SET state = ?, finished_at = ?, events_done = ?, position = ?"
                            + " WHERE model = ? AND build_id = ? AND owner = ? AND state = ?")
                    .params(ProfileBuildState.DONE, System.currentTimeMillis(), done, position(position), MODEL, id, instance,
                            ProfileBuildState.SWITCHING)
                    .update();
            if (still == 0) {
                return false;
            }
            jdbc.sql("UPDATE read_model_slot SET active = ?, switched_at = ? WHERE model = ?")
                    .params(target.slot(), System.currentTimeMillis(), MODEL).update();
            if (position != null) {
                SerializedObject<byte[]> token = serializer.serialize(position, byte[].class);
                jdbc.sql("UPDATE token_entry SET token = ?, token_type = ?, owner = NULL WHERE processor_name = ?")
                        .params(token.getData(), token.getType().getName(), MODEL).update();
            }
            return true;
        });
        if (Boolean.TRUE.equals(switched)) {
            log.info("rebuild {} done: profile copy {} is live at position {}", id, target.slot(), position(position));
        }
        return Boolean.TRUE.equals(switched);
    }

    private void fail(long id, Exception e) {
        if (stopping) {
            // this instance is shutting down: the build is left to another instance's take-over
            return;
        }
        log.error("rebuild {} failed; the live copy stays as it was", id, e);
        jdbc.sql("UPDATE read_model_build SET state = ?, finished_at = ?, error = ? WHERE model = ? AND build_id = ?"
                        + " AND state IN (?, ?)")
                .params(ProfileBuildState.FAILED, System.currentTimeMillis(), String.valueOf(e.getMessage()), MODEL, id,
                        ProfileBuildState.BUILDING, ProfileBuildState.SWITCHING)
                .update();
    }

    /**
     * Segments whose claim is held and alive. A claim not renewed within the claim timeout belongs
     * to an instance that died (SIGKILL leaves it in the table): it must not hold the switch, since
     * the instances still alive have stopped their projection and will not take it over.
     */
    private long claimsHeld() {
        Instant alive = Instant.now().minus(claimTimeout);
        return jdbc.sql("SELECT timestamp FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL")
                .param(MODEL).query(String.class).list().stream()
                .filter(renewed -> renewedSince(renewed, alive))
                .count();
    }

    private static boolean renewedSince(String renewed, Instant alive) {
        try {
            return renewed == null || Instant.parse(renewed).isAfter(alive);
        } catch (java.time.format.DateTimeParseException unknown) {
            return true; // a claim whose time cannot be read counts as alive: the switch waits rather than guesses
        }
    }

    /**
     * An event's payload as stored, in bytes: the store's own bytes, handed back by the serializer
     * that read them, so nothing is opened or written again for the count.
     */
    private long storedSize(TrackedEventMessage<?> event) {
        return event.serializePayload(eventSerializer, byte[].class).getData().length;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public void destroy() {
        stopping = true;
        ticker.shutdownNow();
        builder.shutdownNow();
    }
}
