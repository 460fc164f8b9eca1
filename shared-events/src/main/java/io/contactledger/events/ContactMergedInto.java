package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** The contact was merged into another, the survivor: from now on its commands are refused and its profile is gone. */
@Revision("1")
public record ContactMergedInto(String workspaceId, String contactId, String survivorId) implements ContactEvent {
}
