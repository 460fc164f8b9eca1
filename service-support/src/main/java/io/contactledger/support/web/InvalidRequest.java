package io.contactledger.support.web;

import java.util.List;

/** A request the HTTP layer refuses before it reaches the domain: answered with 400 and its fields. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldViolation> errors;

    public InvalidRequest(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public InvalidRequest(List<FieldViolation> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldViolation> errors() {
        return errors;
    }
}
