package io.contactledger.query.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactledger.events.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies every stored event into the feed, once. A single-segment processor: one writer, whose
 * token commits with the rows, so a batch is written exactly once whichever instance holds it.
 * Nothing here resets the feed: a rebuild of it is refused, since integrations hold its positions.
 */
@Component
@ProcessingGroup(EventFeedProjection.NAME)
public class EventFeedProjection {

    public static final String NAME = "event-feed";
    private static final String BATCH_RESOURCE = EventFeedProjection.class.getName() + ".batch";

    private final FeedStore store;
    private final JsonMapper json;

    EventFeedProjection(FeedStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> event) {
            rowsOfThisBatch().add(row(payload, event));
        }
    }

    private List<FeedRow> rowsOfThisBatch() {
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        return unit.getOrComputeResource(BATCH_RESOURCE, key -> {
            List<FeedRow> rows = new ArrayList<>();
            unit.onPrepareCommit(u -> store.append(rows));
            return rows;
        });
    }

    private FeedRow row(Object payload, DomainEventMessage<?> event) {
        String stream = event.getAggregateIdentifier();
        int slash = stream.indexOf('/');
        String workspaceId = slash < 0 ? stream : stream.substring(0, slash);
        String contactId = slash < 0 ? null : stream.substring(slash + 1);
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (String key : List.of(EventMetadata.ACTOR_KIND, EventMetadata.ACTOR_ID, EventMetadata.CHANNEL,
                EventMetadata.CORRELATION_ID)) {
            Object value = event.getMetaData().get(key);
            metadata.put(key, value == null ? null : value.toString());
        }
        return new FeedRow(event.getIdentifier(), workspaceId, contactId, event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), micros(event.getTimestamp()),
                json.writeValueAsString(metadata), json.writeValueAsString(payload));
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
