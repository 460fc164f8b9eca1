package io.contactledger.command.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.contactledger.command.violations.RulesBroken;
import io.contactledger.command.violations.RuleViolation;

/**
 * The columns an import may have (DESIGN §10), any subset in any order: the basic information,
 * {@code tags} ({@code ;} separated), {@code note}, and {@code cf.<key>} per custom field.
 */
record ImportColumns(List<String> names) {

    static final List<String> BASIC = List.of("contactId", "name", "email", "phone", "country", "timezone",
            "customerId", "tags", "note");
    static final String CUSTOM_FIELD_PREFIX = "cf.";
    private static final Pattern FIELD_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    ImportColumns {
        names = List.copyOf(names);
    }

    /** The header as given, or a 400 naming each column that is unknown, repeated or blank. */
    static ImportColumns of(List<String> header) {
        List<RuleViolation> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String raw : header) {
            String name = raw.strip();
            boolean known = BASIC.contains(name) || name.startsWith(CUSTOM_FIELD_PREFIX)
                    && FIELD_KEY.matcher(name.substring(CUSTOM_FIELD_PREFIX.length())).matches();
            if (!known) {
                problems.add(new RuleViolation("header", "unknown column '" + abbreviated(name) + "': the columns are "
                        + String.join(", ", BASIC) + " and cf.<key> for custom fields"));
            } else if (!seen.add(name)) {
                problems.add(new RuleViolation("header", "column '" + name + "' appears twice"));
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            problems.add(new RuleViolation("header", "the file has no header row"));
        }
        if (!problems.isEmpty()) {
            throw new RulesBroken(problems);
        }
        return new ImportColumns(names);
    }

    int size() {
        return names.size();
    }

    private static String abbreviated(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }
}
