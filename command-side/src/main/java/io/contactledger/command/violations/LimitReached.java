package io.contactledger.command.violations;

/** A per-contact or per-workspace limit would be exceeded; nothing was changed. */
public class LimitReached extends RuntimeException {

    public LimitReached(String message) {
        super(message);
    }
}
