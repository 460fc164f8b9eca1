package io.contactledger.query.web;

/** The thing asked for does not exist (in this workspace, or at that point in time). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
