package io.contactledger.query.feed;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the feed; the next request passes {@code nextAfter} as {@code after}. */
record FeedPage(List<FeedEvent> events,
        @Schema(description = "the last position of this page, or the request's after when it is empty") long nextAfter) {

    static FeedPage of(List<FeedEvent> events, long after) {
        return new FeedPage(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }
}
