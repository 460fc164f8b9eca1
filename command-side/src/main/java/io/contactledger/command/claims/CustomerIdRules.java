package io.contactledger.command.claims;

import java.util.regex.Pattern;

import io.contactledger.command.violations.Violations;

/** A customer ID is 1–128 printable ASCII characters, without leading or trailing spaces. */
public final class CustomerIdRules {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,126}[\\x21-\\x7E])?");

    private CustomerIdRules() {
    }

    /** The customer ID, or null with a violation added. */
    public static String check(String customerId, Violations violations) {
        if (customerId == null || !PRINTABLE.matcher(customerId).matches()) {
            violations.add("customerId", "must be 1-128 printable characters without leading or trailing spaces");
            return null;
        }
        return customerId;
    }
}
