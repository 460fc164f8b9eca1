package io.contactledger.command.imports;

import java.util.Map;

import io.contactledger.command.claims.CustomerIdRules;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.details.DetailsRules;
import io.contactledger.command.fields.CustomFieldCatalog;
import io.contactledger.command.fields.FieldDefinition;
import io.contactledger.command.fields.FieldValueRules;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.notes.NoteRules;
import io.contactledger.command.tags.TagRules;
import io.contactledger.command.violations.RuleViolation;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.command.violations.Violations;

/**
 * The rules a row's values must keep whatever contact they reach, checked before any command is
 * sent: a row refused here leaves nothing to roll back. The same rule classes as the aggregate's,
 * so the reasons read the same; what depends on the contact's state (a customer ID held elsewhere,
 * a 101st tag, a local phone number resolved by the contact's country) the aggregate still decides.
 */
final class RowCheck {

    private RowCheck() {
    }

    static void check(String workspaceId, Map<String, String> values, CustomFieldCatalog fields) {
        if (values.containsKey("contactId")) {
            refusedAs("contactId", () -> new ContactRef(workspaceId, values.get("contactId")));
        }
        // without a country in the row, a local phone number may still be resolved by the contact's own
        boolean phoneCheckable = values.containsKey("country") || values.getOrDefault("phone", "").startsWith("+");
        refusedAs(null, () -> DetailsRules.normalize(new DetailsInput(values.get("name"), values.get("email"),
                phoneCheckable ? values.get("phone") : null, values.get("country"), values.get("timezone")), null));
        if (values.containsKey("customerId")) {
            refusedAs("customerId", () -> checked(v -> CustomerIdRules.check(values.get("customerId"), v)));
        }
        if (values.containsKey("tags")) {
            for (String tag : values.get("tags").split(";")) {
                if (!tag.isBlank()) {
                    refusedAs("tags", () -> checked(v -> TagRules.normalize(tag, v)));
                }
            }
        }
        if (values.containsKey("note")) {
            refusedAs("note", () -> checked(v -> {
                NoteRules.checkText(values.get("note"), v);
                return null;
            }));
        }
        for (Map.Entry<String, String> cell : values.entrySet()) {
            if (cell.getKey().startsWith(ImportColumns.CUSTOM_FIELD_PREFIX)) {
                String key = cell.getKey().substring(ImportColumns.CUSTOM_FIELD_PREFIX.length());
                FieldDefinition field = fields.find(workspaceId, key)
                        .orElseThrow(() -> new RowFailed(cell.getKey(), "custom field '" + key + "' is not defined in this workspace"));
                refusedAs(cell.getKey(), () -> checked(v -> FieldValueRules.canonical(field, cell.getValue(), v)));
            }
        }
    }

    private static <T> T checked(java.util.function.Function<Violations, T> rule) {
        Violations violations = new Violations();
        T value = rule.apply(violations);
        violations.throwIfAny();
        return value;
    }

    /** A broken rule becomes the row's failure, naming {@code column} (or the detail field the rule names). */
    private static void refusedAs(String column, java.util.function.Supplier<?> rule) {
        try {
            rule.get();
        } catch (RulesBroken broken) {
            RuleViolation first = broken.violations().get(0);
            throw new RowFailed(column != null ? column : first.field(),
                    column != null ? first.message() : first.field() + " " + first.message());
        }
    }
}
