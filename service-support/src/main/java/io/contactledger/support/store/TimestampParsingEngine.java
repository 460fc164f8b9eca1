package io.contactledger.support.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

/**
 * Axon's JDBC storage engine, with the events it reads answering their timestamps through
 * {@link EventTimestamps}, once each, instead of Axon's general ISO parse on every call (the
 * stored text is read from the row a second time: Axon's entries do not hand it out).
 */
final class TimestampParsingEngine extends JdbcEventStorageEngine {

    TimestampParsingEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        return read instanceof TrackedDomainEventData<?> domain ? tracked(domain, storedTimestamp(resultSet)) : read;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return new ParsedOnce<>(super.getDomainEventData(resultSet), storedTimestamp(resultSet));
    }

    private String storedTimestamp(ResultSet resultSet) throws SQLException {
        return resultSet.getString(schema().timestampColumn());
    }

    private static <T> TrackedDomainEventData<T> tracked(TrackedDomainEventData<T> read, String stored) {
        return new TrackedDomainEventData<>(read.trackingToken(), new ParsedOnce<>(read, stored));
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
                Instant fast = EventTimestamps.inAxonsLayout(stored);
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
