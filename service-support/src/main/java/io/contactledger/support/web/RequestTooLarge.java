package io.contactledger.support.web;

import java.io.IOException;

/** Thrown while reading a request body that goes past the limit. */
public class RequestTooLarge extends IOException {

    public RequestTooLarge(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
