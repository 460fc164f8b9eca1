package io.contactledger.query.web;

import java.util.Optional;
import java.util.regex.Pattern;

import io.contactledger.support.web.InvalidRequest;

/**
 * Numbers in a query string are plain decimals: no sign, no hex ({@code 0x10}), no spaces, at most
 * 18 digits. Spring's converter would read {@code 0x10} as 16.
 */
public final class QueryNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

    private QueryNumbers() {
    }

    public static Optional<Long> plainLong(String raw) {
        return raw != null && DECIMAL.matcher(raw).matches() ? Optional.of(Long.parseLong(raw)) : Optional.empty();
    }

    /** A non-negative whole number, or a 400 naming the parameter. */
    public static long nonNegative(String name, String raw) {
        return plainLong(raw).orElseThrow(() -> new InvalidRequest(name, "must be a whole number, 0 or more, in plain decimals"));
    }

    /** A whole number in [min, max], {@code fallback} when absent, or a 400 naming the parameter. */
    public static int inRange(String name, String raw, int min, int max, int fallback) {
        if (raw == null) {
            return fallback;
        }
        long value = plainLong(raw).orElse(-1L);
        if (value < min || value > max) {
            throw new InvalidRequest(name, "must be a whole number from " + min + " to " + max);
        }
        return (int) value;
    }
}
