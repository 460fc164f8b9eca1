package io.contactledger.support.security;

import java.util.Locale;

/** What an API key may do (DESIGN §6). Operators are bound to no workspace. */
public enum Role {
    WIDGET, AGENT, INTEGRATION, AUDITOR, ADMIN, OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    static Role parse(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    }
}
