package io.contactledger.command.violations;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of a command's input so the client hears about all of them at once. */
public final class Violations {

    private final List<RuleViolation> found = new ArrayList<>();

    public void add(String field, String message) {
        found.add(new RuleViolation(field, message));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new RulesBroken(found);
        }
    }
}
