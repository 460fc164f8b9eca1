package io.contactledger.support.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.contactledger.support.time.IsoInstants;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

/**
 * Axon's JDBC storage engine, with the events it reads answering their timestamps through
 * {@link IsoInstants}, once each, instead of Axon's general ISO parse on every call. Axon's
 * entries do not hand out the stored text, so a tracked event is read here as Axon reads it (same
 * columns, same tracking token), with the one difference that its time is parsed by position:
 * Axon parsed it once per event for the token's gap rule and again for the message.
 */
final class TimestampParsingEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set explicitly: {@link #getTrackedEventData} applies them as Axon's own reading does. */
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int GAP_TIMEOUT_MS = 60_000;

    private volatile int gapTimeoutMs = GAP_TIMEOUT_MS;

    TimestampParsingEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).gapTimeout(GAP_TIMEOUT_MS));
    }

    @Override
    public void setGapTimeout(int gapTimeout) {
        super.setGapTimeout(gapTimeout);
        this.gapTimeoutMs = gapTimeout;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        Object stored = readTimeStamp(resultSet, schema.timestampColumn());
        DomainEventData<?> event = new ParsedOnce<>(new GenericDomainEventEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                stored,
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn())), stored instanceof String text ? text : null);
        // Axon's rule: an event older than the gap timeout leaves no gaps behind it in the token
        boolean allowGaps = event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minusMillis(gapTimeoutMs));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return new ParsedOnce<>(super.getDomainEventData(resultSet), storedTimestamp(resultSet));
    }

    private String storedTimestamp(ResultSet resultSet) throws SQLException {
        return resultSet.getString(schema().timestampColumn());
    }

    /** An event as read, its timestamp parsed on first use and kept. */
    private static final class ParsedOnce<T> implements DomainEventData<T> {

        private final DomainEventData<T> read;
        private final String stored;
        private Instant timestamp;

        ParsedOnce(DomainEventData<T> read, String stored) {
            this.read = read;
            this.stored = stored;
        }

        @Override
        public Instant getTimestamp() {
            if (timestamp == null) {
                Instant fast = IsoInstants.parse(stored);
                timestamp = fast != null ? fast : read.getTimestamp();
            }
            return timestamp;
        }

        @Override
        public String getEventIdentifier() {
            return read.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return read.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return read.getPayload();
        }

        @Override
        public String getType() {
            return read.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return read.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return read.getSequenceNumber();
        }
    }
}
