package io.contactledger.support.web;

/** One invalid field of a request, as reported in a problem's {@code errors}. */
public record FieldViolation(String field, String message) {
}
