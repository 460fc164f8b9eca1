package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** A tag was put on the contact. */
@Revision("1")
public record TagAdded(String workspaceId, String contactId, String tag) implements ContactEvent {
}
