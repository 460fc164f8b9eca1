package io.contactledger.support.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How aggregate snapshots are written: an aggregate keeps its state in private fields with no
 * getters (its rules decide what changes, nothing else may), so snapshots are serialized field by
 * field. A snapshot is only a shortcut: one that no longer reads (the aggregate changed shape) is
 * skipped by Axon, which then loads the aggregate from all its events.
 */
final class SnapshotSerializer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotSerializer.class);

    private SnapshotSerializer() {
    }

    /**
     * Lets through only snapshots that read: Axon deserializes a snapshot lazily, after it chose
     * it over the events, so one that no longer reads would make its aggregate unusable.
     */
    static SnapshotFilter readableBy(Serializer serializer) {
        return snapshot -> {
            try {
                serializer.deserialize(snapshot.getPayload());
                return true;
            } catch (RuntimeException e) {
                log.warn("snapshot of {} at {} does not read ({}); loading from its events instead",
                        snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), e.getMessage());
                return false;
            }
        };
    }

    static Serializer create() {
        ObjectMapper mapper = new ObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.findAndRegisterModules();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
