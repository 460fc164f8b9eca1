package io.contactledger.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.contactledger.events.EventMetadata;
import io.contactledger.query.events.ContactEvents;
import io.contactledger.query.web.Cursors;
import io.contactledger.query.web.NotFound;
import io.contactledger.query.web.PathIds;
import io.contactledger.query.web.QueryNumbers;
import io.contactledger.support.web.InvalidRequest;
import io.contactledger.events.ContactCreated;
import io.contactledger.events.ContactMerged;
import io.contactledger.events.ContactMergedInto;
import io.contactledger.events.ContactErased;
import io.contactledger.events.ContactUnmerged;
import io.contactledger.events.PersonalFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.node.ObjectNode;
import io.contactledger.events.ContactPromoted;
import io.contactledger.events.CustomFieldCleared;
import io.contactledger.events.CustomFieldSet;
import io.contactledger.events.CustomerIdLinked;
import io.contactledger.events.DetailsLeft;
import io.contactledger.events.NoteDeleted;
import io.contactledger.events.NoteEdited;
import io.contactledger.events.NoteWritten;
import io.contactledger.events.TagAdded;
import io.contactledger.events.TagRemoved;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * An auditor's view of a contact: every change, oldest first, with who made it, when and how. The
 * JSON answer pages ({@code limit} 1–1,000, default 200, {@code cursor} from the previous page);
 * {@code order=desc} pages from the newest event back, as a timeline shows them;
 * {@code format=ndjson} streams the whole history, one event a line, in constant memory.
 */
@RestController
class HistoryController {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1_000;
    static final String NDJSON = "application/x-ndjson";

    private final ContactEvents events;
    private final JsonMapper json;
    private final Cursors cursors;

    HistoryController(ContactEvents events, JsonMapper json, Cursors cursors) {
        this.events = events;
        this.json = json;
        this.cursors = cursors;
    }

    record HistoryEntry(long sequence, String type, Instant occurredAt,
            @Schema(types = {"string", "null"}) String actorKind, @Schema(types = {"string", "null"}) String actorId,
            @Schema(types = {"string", "null"}) String channel, @Schema(types = {"string", "null"}) String correlationId,
            @Schema(description = "the event's own fields; which event it is says type", oneOf = {ContactCreated.class,
                    DetailsLeft.class, ContactPromoted.class, CustomerIdLinked.class, TagAdded.class, TagRemoved.class,
                    NoteWritten.class, NoteEdited.class, NoteDeleted.class, CustomFieldSet.class, CustomFieldCleared.class,
                    ContactMerged.class, ContactMergedInto.class, ContactUnmerged.class, ContactErased.class})
            Object payload,
            @Schema(description = "true on every event of an erased contact: its personal fields are null")
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean erased) {
    }

    record History(String contactId, List<HistoryEntry> events,
            @Schema(types = {"string", "null"}, description = "null on the last page") String nextCursor) {
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/history",
            produces = MediaType.APPLICATION_JSON_VALUE)
    History history(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String format, @RequestParam(required = false) String order) {
        if (format != null && !format.equals("json")) {
            throw new InvalidRequest("format", "must be json or ndjson");
        }
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw new InvalidRequest("order", "must be asc or desc");
        }
        PathIds.check(workspaceId, contactId);
        int pageSize = QueryNumbers.inRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        if ("desc".equals(order)) {
            return newestFirst(workspaceId, contactId, pageSize, cursor);
        }
        requireContact(workspaceId, contactId);
        String boundTo = workspaceId + "/" + contactId + "/history";
        long from = cursor == null || cursor.isEmpty() ? 0 : cursors.position(cursor, boundTo)
                .flatMap(QueryNumbers::plainLong)
                .orElseThrow(() -> new InvalidRequest("cursor", "is not a cursor this history handed out"));
        List<? extends DomainEventMessage<?>> page = events.page(workspaceId, contactId, from, pageSize + 1);
        String next = page.size() > pageSize ? cursors.issue(Long.toString(page.get(pageSize).getSequenceNumber()), boundTo) : null;
        boolean erased = events.isErased(workspaceId, contactId);
        return new History(contactId, page.stream().limit(pageSize).map(event -> entry(event, erased)).toList(), next);
    }

    /** A page of the history from the newest event back; the cursor names the highest sequence of the next page. */
    private History newestFirst(String workspaceId, String contactId, int pageSize, String cursor) {
        long last = events.lastSequence(workspaceId, contactId);
        if (last < 0) {
            throw new NotFound("contact " + contactId + " not found");
        }
        String boundTo = workspaceId + "/" + contactId + "/history/desc";
        long top = cursor == null || cursor.isEmpty() ? last : cursors.position(cursor, boundTo)
                .flatMap(QueryNumbers::plainLong)
                .filter(position -> position <= last)
                .orElseThrow(() -> new InvalidRequest("cursor", "is not a cursor this history handed out"));
        long from = Math.max(0, top - pageSize + 1);
        List<DomainEventMessage<?>> page = new ArrayList<>(events.page(workspaceId, contactId, from, (int) (top - from + 1)));
        java.util.Collections.reverse(page);
        String next = from > 0 ? cursors.issue(Long.toString(from - 1), boundTo) : null;
        boolean erased = events.isErased(workspaceId, contactId);
        return new History(contactId, page.stream().map(event -> entry(event, erased)).toList(), next);
    }

    /** The whole history, one JSON event a line, read from the store in batches while it is written. */
    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/history", params = "format=ndjson",
            produces = {NDJSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<StreamingResponseBody> historyAsNdjson(@PathVariable String workspaceId, @PathVariable String contactId) {
        requireContact(workspaceId, contactId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(stream(workspaceId, contactId));
    }

    private void requireContact(String workspaceId, String contactId) {
        PathIds.check(workspaceId, contactId);
        if (!events.exists(workspaceId, contactId)) {
            throw new NotFound("contact " + contactId + " not found");
        }
    }

    private StreamingResponseBody stream(String workspaceId, String contactId) {
        return (OutputStream out) -> {
            boolean erased = events.isErased(workspaceId, contactId);
            Iterator<? extends DomainEventMessage<?>> all = events.all(workspaceId, contactId);
            while (all.hasNext()) {
                out.write(json.writeValueAsBytes(entry(all.next(), erased)));
                out.write('\n');
            }
            out.flush();
        };
    }

    /** One event as the history shows it; an erased contact's events show their personal fields as null. */
    private HistoryEntry entry(DomainEventMessage<?> event, boolean erased) {
        ObjectNode payload = json.valueToTree(event.getPayload());
        if (erased) {
            PersonalFields.of(event.getPayloadType().getName()).forEach(payload::putNull);
        }
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                meta(event, EventMetadata.ACTOR_KIND), meta(event, EventMetadata.ACTOR_ID),
                meta(event, EventMetadata.CHANNEL), meta(event, EventMetadata.CORRELATION_ID),
                payload, erased ? Boolean.TRUE : null);
    }

    private static String meta(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
