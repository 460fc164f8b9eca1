package io.contactledger.command.dispatch;

import java.util.Map;

import io.contactledger.events.ActorKind;
import io.contactledger.events.Channel;
import io.contactledger.events.EventMetadata;

/** Who sends a command, through which channel, in which chat session or request. */
public record Actor(ActorKind kind, String id, Channel channel, String correlationId) {

    public Map<String, String> asMetadata() {
        return Map.of(EventMetadata.ACTOR_KIND, kind.name(), EventMetadata.ACTOR_ID, id,
                EventMetadata.CHANNEL, channel.name(), EventMetadata.CORRELATION_ID, correlationId);
    }
}
