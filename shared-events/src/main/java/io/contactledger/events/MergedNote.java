package io.contactledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A note copied by a merge, with the author and times of the original (ISO-8601 instants; editedAt absent if never edited). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MergedNote(String noteId, String text, String author, String writtenAt, String editedAt) {
}
