package io.contactledger.command.imports;

/** A row the rules refuse: which column, and why. Its transaction rolls back; the row is recorded as failed. */
class RowFailed extends RuntimeException {

    private final String column;

    RowFailed(String column, String message) {
        super(message);
        this.column = column;
    }

    String column() {
        return column;
    }
}
