package io.contactledger.command.notes;

import io.contactledger.command.text.Text;
import io.contactledger.command.violations.Violations;

/** Notes are 1–10,000 characters of text with an author. */
public final class NoteRules {

    public static final int TEXT_MAX_LENGTH = 10_000;
    public static final int AUTHOR_MAX_LENGTH = 128;

    private NoteRules() {
    }

    public static void checkText(String text, Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add("text", "is required");
        } else if (Text.length(text) > TEXT_MAX_LENGTH) {
            violations.add("text", "must be at most " + TEXT_MAX_LENGTH + " characters");
        } else if (Text.hasControlCharacters(text, true)) {
            violations.add("text", "must not contain control characters");
        } else if (Text.hasDeceptiveFormatting(text)) {
            violations.add("text", "must not contain bidirectional-override or zero-width characters");
        }
    }

    public static void checkAuthor(String author, Violations violations) {
        if (author == null || author.isBlank()) {
            violations.add("author", "is required");
        } else if (Text.length(author) > AUTHOR_MAX_LENGTH || Text.hasControlCharacters(author, false)) {
            violations.add("author", "must be 1-" + AUTHOR_MAX_LENGTH + " characters without control characters");
        }
    }
}
