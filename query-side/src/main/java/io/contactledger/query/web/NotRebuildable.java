package io.contactledger.query.web;

/** A rebuild of a projection that must never be rebuilt (409). */
public class NotRebuildable extends RuntimeException {

    public NotRebuildable(String message) {
        super(message);
    }
}
