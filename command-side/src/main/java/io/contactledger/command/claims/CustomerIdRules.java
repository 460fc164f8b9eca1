package io.contactledger.command.claims;

import java.util.regex.Pattern;

import io.contactledger.command.rules.RulesBroken;

/** A customer ID is 1–128 printable ASCII characters, without leading or trailing spaces. */
public final class CustomerIdRules {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,126}[\\x21-\\x7E])?");

    private CustomerIdRules() {
    }

    public static String check(String customerId) {
        if (customerId == null || !PRINTABLE.matcher(customerId).matches()) {
            throw new RulesBroken("customerId", "must be 1-128 printable characters without leading or trailing spaces");
        }
        return customerId;
    }
}
