package io.contactledger.query.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A note on a profile: its text, who wrote it, when, and when it was last edited. */
public record Note(String noteId, String text, String author, Instant writtenAt,
        @Schema(types = {"string", "null"}, format = "date-time") Instant editedAt) {
}
