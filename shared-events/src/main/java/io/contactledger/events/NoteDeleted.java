package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** An agent deleted a note. */
@Revision("1")
public record NoteDeleted(String workspaceId, String contactId, String noteId) implements ContactEvent {
}
