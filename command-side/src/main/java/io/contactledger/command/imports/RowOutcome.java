package io.contactledger.command.imports;

/** What a row did: created a contact, changed one, found one already as the row says, or failed. */
enum RowOutcome {
    CREATED, UPDATED, UNCHANGED, FAILED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
