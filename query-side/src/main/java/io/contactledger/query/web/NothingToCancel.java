package io.contactledger.query.web;

/** A cancellation of something that is not under way (409). */
public class NothingToCancel extends RuntimeException {

    public NothingToCancel(String message) {
        super(message);
    }
}
