package io.contactledger.command.violations;

/** One broken input rule: which field, and what is wrong with it. */
public record RuleViolation(String field, String message) {
}
