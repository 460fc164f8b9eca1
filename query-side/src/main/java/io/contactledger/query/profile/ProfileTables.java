package io.contactledger.query.profile;

/**
 * One copy of the profile read model: its profile and tag tables. There are two
 * (docs/decisions.md, "Rebuilds without downtime"): the live one serves reads while a rebuild
 * fills the other, and {@code read_model_slot} says which is live.
 */
public record ProfileTables(String slot, String profiles, String tags) {

    public static final ProfileTables A = new ProfileTables("a", "contact_profile", "contact_tag");
    public static final ProfileTables B = new ProfileTables("b", "contact_profile_b", "contact_tag_b");

    public static ProfileTables of(String slot) {
        return switch (slot) {
            case "a" -> A;
            case "b" -> B;
            default -> throw new IllegalStateException("no read model copy '" + slot + "'");
        };
    }

    public ProfileTables other() {
        return this == A ? B : A;
    }
}
