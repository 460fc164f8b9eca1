package io.contactledger.query.feed;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** An event as the feed serves it; {@code position} is where a consumer resumes from. */
record FeedEvent(long position, String eventId, String type,
        @Schema(types = {"string", "null"}, description = "null for workspace events (custom-field definitions)") String contactId,
        @Schema(description = "the event's sequence number in its stream: the contact's version after it") long version,
        Instant occurredAt,
        @Schema(types = {"object"}, description = "actorKind, actorId, channel, correlationId") JsonNode metadata,
        @Schema(types = {"object"}, description = "the event's own fields, as in a contact's history") JsonNode payload) {
}
