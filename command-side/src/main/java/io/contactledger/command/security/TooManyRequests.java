package io.contactledger.command.security;

/** A widget key sent more requests than its rate allows. */
public class TooManyRequests extends RuntimeException {

    public TooManyRequests() {
        super("too many requests for this key; retry shortly");
    }
}
