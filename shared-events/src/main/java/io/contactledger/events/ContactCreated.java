package io.contactledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/** A chat session started for a new visitor. */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactCreated(String workspaceId, String contactId, Channel channel, String country, String timezone) implements ContactEvent {
}
