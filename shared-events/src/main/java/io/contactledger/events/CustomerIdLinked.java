package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** The business linked its own customer ID to the contact. */
@Revision("2")
public record CustomerIdLinked(String workspaceId, String contactId, String customerId) implements ContactEvent {
}
