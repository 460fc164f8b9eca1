package io.contactledger.command.fields;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.contactledger.command.text.Text;
import io.contactledger.command.violations.Violations;
import io.contactledger.events.FieldType;

/** The rules of a custom-field definition: key, label, type and options. */
public final class FieldDefinitionRules {

    public static final int MAX_FIELDS_PER_WORKSPACE = 100;
    public static final int LABEL_MAX_LENGTH = 100;
    public static final int OPTION_MAX_LENGTH = 100;
    public static final int MAX_OPTIONS = 100;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Basic-information names (and the profile's own fields) cannot be custom-field keys. */
    public static final Set<String> RESERVED_KEYS = Set.of(
            "id", "contact_id", "contactid", "workspace_id", "workspaceid", "type", "name", "full_name", "fullname",
            "email", "phone", "country", "timezone", "customer_id", "customerid", "tags", "notes",
            "custom_fields", "customfields", "created_at", "createdat", "updated_at", "updatedat", "version");

    private FieldDefinitionRules() {
    }

    public static FieldDefinition check(String key, String label, FieldType type, List<String> options) {
        Violations violations = new Violations();
        if (key == null || !KEY.matcher(key).matches()) {
            violations.add("key", "must match [a-z][a-z0-9_]{0,63}");
        } else if (RESERVED_KEYS.contains(key)) {
            violations.add("key", "'" + key + "' is a basic-information name and cannot be a custom field");
        }
        String trimmedLabel = label == null ? null : label.strip();
        if (trimmedLabel == null || trimmedLabel.isEmpty() || Text.length(trimmedLabel) > LABEL_MAX_LENGTH
                || Text.hasControlCharacters(trimmedLabel, false)) {
            violations.add("label", "must be 1-" + LABEL_MAX_LENGTH + " characters without control characters");
        }
        if (type == null) {
            violations.add("type", "is required: one of TEXT, NUMBER, BOOLEAN, DATE, DATETIME, EMAIL, URL, LIST");
        }
        List<String> checkedOptions = options == null ? List.of() : options;
        if (type == FieldType.LIST) {
            checkOptions(checkedOptions, violations);
        } else if (!checkedOptions.isEmpty()) {
            violations.add("options", "only LIST fields have options");
        }
        violations.throwIfAny();
        return new FieldDefinition(key, trimmedLabel, type, checkedOptions);
    }

    private static void checkOptions(List<String> options, Violations violations) {
        Set<String> distinct = new HashSet<>();
        for (String option : options) {
            if (option == null || option.isBlank() || Text.length(option) > OPTION_MAX_LENGTH
                    || Text.hasControlCharacters(option, false)) {
                violations.add("options", "each option must be 1-" + OPTION_MAX_LENGTH + " characters");
                return;
            }
            distinct.add(option);
        }
        if (distinct.size() != options.size()) {
            violations.add("options", "must not repeat an option");
        } else if (options.size() < 2 || options.size() > MAX_OPTIONS) {
            violations.add("options", "a LIST field needs 2-" + MAX_OPTIONS + " options");
        }
    }
}
