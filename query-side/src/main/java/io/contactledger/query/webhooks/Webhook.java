package io.contactledger.query.webhooks;

import java.util.List;

/** A subscription: where a workspace's events of some types are delivered, signed with its secret. */
record Webhook(String workspaceId, String name, String url, List<String> eventTypes, boolean enabled, String secret,
        long createdAt, long updatedAt) {

    static final String ALL_TYPES = "*";

    boolean wants(String eventType) {
        return eventTypes.contains(ALL_TYPES) || eventTypes.contains(eventType);
    }
}
