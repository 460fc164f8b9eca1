package io.contactledger.command.violations;

import java.util.List;

/** A command's input breaks one or more rules; nothing was changed. */
public class RulesBroken extends RuntimeException {

    private final List<RuleViolation> violations;

    public RulesBroken(List<RuleViolation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public RulesBroken(String field, String message) {
        this(List.of(new RuleViolation(field, message)));
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
