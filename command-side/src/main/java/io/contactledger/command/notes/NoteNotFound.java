package io.contactledger.command.notes;

/** The contact has no note with that id (it never had one, or it was deleted). */
public class NoteNotFound extends RuntimeException {

    public NoteNotFound(String noteId) {
        super("note " + noteId + " not found");
    }
}
