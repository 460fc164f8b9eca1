package io.contactledger.command.details;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.contactledger.command.text.Text;
import io.contactledger.command.violations.Violations;

/**
 * The rules of basic information, one named method per field. Each normalizes a valid value
 * and records a violation for an invalid one.
 */
public final class DetailsRules {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int EMAIL_MAX_LENGTH = 254;
    private static final int EMAIL_LOCAL_MAX_LENGTH = 64;
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private DetailsRules() {
    }

    /**
     * Normalizes every given field; {@code knownCountry} is the contact's country, used as the
     * phone's region hint when the input gives none.
     */
    public static Details normalize(DetailsInput input, String knownCountry) {
        Violations violations = new Violations();
        String country = country(input.country(), violations);
        Details details = new Details(
                name(input.name(), violations),
                email(input.email(), violations),
                phone(input.phone(), country != null ? country : knownCountry, violations),
                country,
                timezone(input.timezone(), violations));
        violations.throwIfAny();
        return details;
    }

    /** A name is 1–200 characters after trimming, with no control characters. */
    static String name(String raw, Violations violations) {
        if (raw == null) {
            return null;
        }
        String name = raw.strip();
        if (name.isEmpty() || Text.length(name) > NAME_MAX_LENGTH) {
            violations.add("name", "must be 1-" + NAME_MAX_LENGTH + " characters after trimming");
            return null;
        }
        if (Text.hasControlCharacters(name, false)) {
            violations.add("name", "must not contain control characters");
            return null;
        }
        if (Text.hasDeceptiveFormatting(name)) {
            violations.add("name", "must not contain bidirectional-override or zero-width characters");
            return null;
        }
        return name;
    }

    /** An email is a valid address, lower-cased, at most 254 characters. */
    static String email(String raw, Violations violations) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        if (email.length() > EMAIL_MAX_LENGTH || at > EMAIL_LOCAL_MAX_LENGTH || !EMAIL.matcher(email).matches()) {
            violations.add("email", "must be a valid email address of at most " + EMAIL_MAX_LENGTH + " characters");
            return null;
        }
        return email;
    }

    /** A phone is a valid number, normalized to E.164; the country is the region hint for local numbers. */
    static String phone(String raw, String regionHint, Violations violations) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > 40) {
            violations.add("phone", "must be a valid phone number");
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(raw, regionHint == null ? "ZZ" : regionHint);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below, like any other invalid number
        }
        violations.add("phone", regionHint == null && !raw.strip().startsWith("+")
                ? "must be a valid phone number in international format (+...) when no country is known"
                : "must be a valid phone number");
        return null;
    }

    /** A country is an ISO 3166-1 alpha-2 code; case does not matter on input, it is stored upper-case. */
    static String country(String raw, Violations violations) {
        if (raw == null) {
            return null;
        }
        String country = raw.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            violations.add("country", "must be an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return country;
    }

    /** A timezone is an IANA zone id such as Europe/London. */
    static String timezone(String raw, Violations violations) {
        if (raw == null) {
            return null;
        }
        if (!ZONES.contains(raw)) {
            violations.add("timezone", "must be an IANA time zone id such as Europe/London");
            return null;
        }
        return raw;
    }

    /** The region of a normalized E.164 phone number, or null. */
    public static String phoneRegion(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            String region = PHONES.getRegionCodeForNumber(PHONES.parse(e164, "ZZ"));
            return region == null || "ZZ".equals(region) || "001".equals(region) ? null : region;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
