package io.contactledger.events;

import org.axonframework.serialization.Revision;

/**
 * The contact's personal data was erased (DESIGN §9): its key is deleted, so the personal fields
 * of its earlier events no longer read. Holds no personal data itself. {@code requestedFor} is the
 * contact the erasure was asked for: this one, or the other contact of a merged pair.
 */
@Revision("1")
public record ContactErased(String workspaceId, String contactId, String requestedFor) implements ContactEvent {
}
