package io.contactledger.command.details;

/** Normalized basic information; null means "not known". */
public record Details(String name, String email, String phone, String country, String timezone) {

    public static final Details NONE = new Details(null, null, null, null, null);

    /** These details with every field that {@code update} knows laid over them. */
    public Details overlaidWith(Details update) {
        return new Details(
                pick(update.name, name), pick(update.email, email), pick(update.phone, phone),
                pick(update.country, country), pick(update.timezone, timezone));
    }

    /** The fields of {@code next} that differ from these details; null where nothing changed. */
    public Details changesTo(Details next) {
        return new Details(
                diff(name, next.name), diff(email, next.email), diff(phone, next.phone),
                diff(country, next.country), diff(timezone, next.timezone));
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    private static String pick(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String diff(String before, String after) {
        return after != null && !after.equals(before) ? after : null;
    }
}
