package io.contactledger.events;

/**
 * An event in the life of one contact. Sealed: a new event is added here, and the fold's test
 * then fails until the fold knows it (ProfileFoldTest), so none can fall through unnoticed.
 */
public sealed interface ContactEvent permits ContactCreated, DetailsLeft, ContactPromoted, CustomerIdLinked, TagAdded,
        TagRemoved, NoteWritten, NoteEdited, NoteDeleted, CustomFieldSet, CustomFieldCleared, ContactMerged,
        ContactMergedInto, ContactUnmerged, ContactErased {
    String workspaceId();

    String contactId();
}
