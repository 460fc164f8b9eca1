package io.contactledger.query.admin;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The query side's streaming projections: their status, read from the shared token table so every
 * instance reports the same positions whichever segments it owns.
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final ProgressRate rates = new ProgressRate();

    public Projections(EventProcessingConfiguration processing, EventStore eventStore, JdbcClient jdbc,
            Serializer serializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<String> names() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(p -> p.getName()).sorted().toList();
    }

    public Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** Each projection's status; {@code rebuildState} tells this instance's part in the latest rebuild. */
    public List<ProjectionStatus> statuses(java.util.function.Function<String, String> rebuildState) {
        long head = position(eventStore.createHeadToken());
        return names().stream().map(name -> status(name, head, rebuildState.apply(name))).toList();
    }

    private ProjectionStatus status(String name, long head, String rebuild) {
        StreamingEventProcessor processor = processor(name).orElseThrow();
        List<TrackingToken> tokens = jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ?")
                .param(name)
                .query((rs, i) -> deserialize(rs.getBytes(1), rs.getString(2)))
                .list();
        long position = tokens.stream().mapToLong(Projections::position).min().orElse(-1);
        boolean replaying = tokens.stream().anyMatch(Projections::replayUnfinished);
        Optional<String> errorReason = errorReason(processor);
        long lag = Math.max(0, head - position);
        ProgressRate.Progress progress = rates.observe(name, position, lag);
        String phase = errorReason.isPresent() ? "error" : !processor.isRunning() ? "stopped"
                : replaying ? "replaying" : lag > 0 ? "catching-up" : "live";
        return new ProjectionStatus(name, position, head, lag, replaying, processor.isRunning(), errorReason.isPresent(),
                errorReason.orElse(null), tokens.size(), rebuild, phase, progress.eventsPerSecond(), progress.estimatedEnd(), null);
    }

    /** Why a segment of this instance is in error, if one is. */
    public Optional<String> errorReason(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> status.getError() == null ? "unknown error"
                        : status.getError().getClass().getSimpleName() + ": " + status.getError().getMessage())
                .findFirst();
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    /**
     * A replay token stays in place until a newer event arrives; the replay itself is over once its
     * position reaches the position of the reset (gaps in the global index may differ, so positions
     * are compared rather than the tokens).
     */
    private static boolean replayUnfinished(TrackingToken token) {
        return token instanceof ReplayToken replay
                && position(replay.getCurrentToken()) < position(replay.getTokenAtReset());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
