package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** An agent wrote a note about the contact. */
@Revision("2")
public record NoteWritten(String workspaceId, String contactId, String noteId, String text, String author) implements ContactEvent {
}
