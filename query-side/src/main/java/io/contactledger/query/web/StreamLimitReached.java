package io.contactledger.query.web;

/** This instance holds as many update streams as it may; the client retries later or elsewhere (503). */
public class StreamLimitReached extends RuntimeException {

    public StreamLimitReached(String message) {
        super(message);
    }
}
