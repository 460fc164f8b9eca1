package io.contactledger.query.profile;

import java.time.Instant;

/** A note on a profile: its text, who wrote it, when, and when it was last edited. */
public record Note(String noteId, String text, String author, Instant writtenAt, Instant editedAt) {
}
