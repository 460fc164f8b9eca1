package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** The aggregate's type rule moved the contact forward. */
@Revision("1")
public record ContactPromoted(String workspaceId, String contactId, ContactType from, ContactType to) implements ContactEvent {
}
