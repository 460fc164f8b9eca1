package io.contactledger.command.tags;

import java.util.Locale;
import java.util.regex.Pattern;

import io.contactledger.command.rules.RulesBroken;
import io.contactledger.command.rules.Text;

/** Tags are short labels: trimmed, lower-cased, 1–50 letters, digits, spaces, '_' or '-'. */
public final class TagRules {

    public static final int MAX_LENGTH = 50;
    public static final int MAX_TAGS_PER_CONTACT = 100;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _-]+");

    private TagRules() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            throw new RulesBroken("tag", "is required");
        }
        String tag = raw.strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty() || Text.length(tag) > MAX_LENGTH || !ALLOWED.matcher(tag).matches()) {
            throw new RulesBroken("tag", "must be 1-" + MAX_LENGTH + " letters, digits, spaces, '_' or '-'");
        }
        return tag;
    }
}
