package io.contactledger.query.history;

import java.time.Instant;
import java.util.List;

import io.contactledger.events.EventMetadata;
import io.contactledger.query.web.NotFound;
import io.contactledger.query.web.PathIds;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An auditor's view of a contact: every change, in order, with who made it, when and how. */
@RestController
class HistoryController {

    private final ContactEvents events;
    private final JsonMapper json;

    HistoryController(ContactEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    record HistoryEntry(long sequence, String type, Instant occurredAt, String actorKind, String actorId,
            String channel, String correlationId, JsonNode payload) {
    }

    record History(String contactId, List<HistoryEntry> events) {
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/history",
            produces = MediaType.APPLICATION_JSON_VALUE)
    History history(@PathVariable String workspaceId, @PathVariable String contactId) {
        PathIds.check(workspaceId, contactId);
        List<? extends DomainEventMessage<?>> stream = events.of(workspaceId, contactId);
        if (stream.isEmpty()) {
            throw new NotFound("contact " + contactId + " not found");
        }
        return new History(contactId, stream.stream().map(this::entry).toList());
    }

    private HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                meta(event, EventMetadata.ACTOR_KIND), meta(event, EventMetadata.ACTOR_ID),
                meta(event, EventMetadata.CHANNEL), meta(event, EventMetadata.CORRELATION_ID),
                json.valueToTree(event.getPayload()));
    }

    private static String meta(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
