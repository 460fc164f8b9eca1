package io.contactledger.query.feed;

/** One stored event as the feed keeps it, before it is given a position. */
record FeedRow(String eventId, String workspaceId, String contactId, long version, String type, long occurredAtMicros,
        String metadata, String payload) {
}
