package io.contactledger.command.tags;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.contactledger.command.violations.LimitReached;
import io.contactledger.command.text.Text;
import io.contactledger.command.violations.Violations;

/** Tags are short labels: trimmed, lower-cased, 1–50 letters, digits, spaces, '_' or '-'; at most 100 a contact. */
public final class TagRules {

    public static final int MAX_LENGTH = 50;
    public static final int MAX_TAGS_PER_CONTACT = 100;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _-]+");

    private TagRules() {
    }

    /** The tag in its normal form, or null with a violation added. */
    public static String normalize(String raw, Violations violations) {
        if (raw == null) {
            violations.add("tag", "is required");
            return null;
        }
        String tag = raw.strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty() || Text.length(tag) > MAX_LENGTH || !ALLOWED.matcher(tag).matches()) {
            violations.add("tag", "must be 1-" + MAX_LENGTH + " letters, digits, spaces, '_' or '-'");
            return null;
        }
        return tag;
    }

    /** A contact holding {@code tags} may take one more. */
    public static void checkRoomForOneMore(Set<String> tags) {
        if (tags.size() >= MAX_TAGS_PER_CONTACT) {
            throw new LimitReached("a contact has at most " + MAX_TAGS_PER_CONTACT + " tags; remove one first");
        }
    }
}
