package io.contactledger.events;

import java.util.List;

/** Keys of the metadata every event carries; auditors read them in history. */
public final class EventMetadata {
    public static final String ACTOR_KIND = "actorKind";
    public static final String ACTOR_ID = "actorId";
    public static final String CHANNEL = "channel";
    public static final String CORRELATION_ID = "correlationId";

    public static final List<String> KEYS = List.of(ACTOR_KIND, ACTOR_ID, CHANNEL, CORRELATION_ID);

    private EventMetadata() {
    }
}
