package io.contactledger.command.fields;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.contactledger.command.details.DetailsRules;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.command.violations.Violations;
import io.contactledger.command.text.Text;

/**
 * A custom field's value must fit the field's type. Valid values are stored in one canonical text
 * form per type, so equal values compare equal and re-setting one changes nothing.
 */
public final class FieldValueRules {

    public static final int TEXT_MAX_LENGTH = 1_000;
    public static final int URL_MAX_LENGTH = 2_000;
    private static final int NUMBER_MAX_DIGITS = 38;

    private FieldValueRules() {
    }

    /** The value in its canonical text form, or null with a violation added. */
    public static String canonical(FieldDefinition field, Object value, Violations violations) {
        try {
            return canonical(field, value);
        } catch (RulesBroken broken) {
            broken.violations().forEach(v -> violations.add(v.field(), v.message()));
            return null;
        }
    }

    private static String canonical(FieldDefinition field, Object value) {
        if (value == null) {
            throw invalid("is required (use DELETE to clear a field)");
        }
        return switch (field.type()) {
            case TEXT -> text(value);
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case DATE -> date(value);
            case DATETIME -> dateTime(value);
            case EMAIL -> email(value);
            case URL -> url(value);
            case LIST -> listOption(field, value);
        };
    }

    private static String text(Object value) {
        String text = string(value, "must be text");
        if (text.isBlank() || Text.length(text) > TEXT_MAX_LENGTH || Text.hasControlCharacters(text, true)
                || Text.hasDeceptiveFormatting(text)) {
            throw invalid("must be 1-" + TEXT_MAX_LENGTH + " characters, not only spaces, without control,"
                    + " bidirectional-override or zero-width characters");
        }
        return text;
    }

    private static String number(Object value) {
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
                    : new BigDecimal(string(value, "must be a number").strip());
            if (number.precision() > NUMBER_MAX_DIGITS || Math.abs(number.scale()) > NUMBER_MAX_DIGITS) {
                throw invalid("must be a number of at most " + NUMBER_MAX_DIGITS + " digits");
            }
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw invalid("must be a number");
        }
    }

    private static String bool(Object value) {
        if (value instanceof Boolean b) {
            return b.toString();
        }
        String text = string(value, "must be true or false");
        if (text.equals("true") || text.equals("false")) {
            return text;
        }
        throw invalid("must be true or false");
    }

    private static String date(Object value) {
        try {
            return LocalDate.parse(string(value, "must be a date (YYYY-MM-DD)")).toString();
        } catch (DateTimeParseException e) {
            throw invalid("must be a date (YYYY-MM-DD)");
        }
    }

    private static String dateTime(Object value) {
        String text = string(value, "must be an ISO-8601 date-time with offset");
        try {
            return OffsetDateTime.parse(text).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text).toString();
            } catch (DateTimeParseException e2) {
                throw invalid("must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:30:00Z");
            }
        }
    }

    private static String email(Object value) {
        String raw = string(value, "must be an email address");
        try {
            return DetailsRules.normalize(new DetailsInput(null, raw, null, null, null), null).email();
        } catch (RulesBroken e) {
            throw invalid("must be a valid email address");
        }
    }

    private static String url(Object value) {
        String text = string(value, "must be a URL").strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (text.length() <= URL_MAX_LENGTH && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid("must be an absolute http(s) URL of at most " + URL_MAX_LENGTH + " characters");
    }

    private static String listOption(FieldDefinition field, Object value) {
        String text = string(value, "must be one of " + field.options());
        if (!field.options().contains(text)) {
            throw invalid("must be one of " + field.options());
        }
        return text;
    }

    private static String string(Object value, String message) {
        if (value instanceof String s) {
            return s;
        }
        throw invalid(message);
    }

    private static RulesBroken invalid(String message) {
        return new RulesBroken("value", message);
    }
}
