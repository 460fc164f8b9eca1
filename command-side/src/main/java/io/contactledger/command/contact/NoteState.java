package io.contactledger.command.contact;

import java.time.Instant;

/** A note as the contact holds it: enough to copy it with its author and times when the contact is merged. */
record NoteState(String text, String author, Instant writtenAt, Instant editedAt) {
}
