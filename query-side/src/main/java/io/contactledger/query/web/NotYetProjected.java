package io.contactledger.query.web;

/** The read model did not reach the requested version in time; the client should retry. */
public class NotYetProjected extends RuntimeException {

    public NotYetProjected(String message) {
        super(message);
    }
}
