package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** An agent changed the text of a note. */
@Revision("2")
public record NoteEdited(String workspaceId, String contactId, String noteId, String text) implements ContactEvent {
}
