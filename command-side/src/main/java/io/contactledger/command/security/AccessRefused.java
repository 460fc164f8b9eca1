package io.contactledger.command.security;

/** The caller is authenticated but may not do this (a widget without a valid visitor token or identity hash). */
public class AccessRefused extends RuntimeException {

    public AccessRefused(String message) {
        super(message);
    }
}
