package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** A tag was taken off the contact. */
@Revision("1")
public record TagRemoved(String workspaceId, String contactId, String tag) implements ContactEvent {
}
