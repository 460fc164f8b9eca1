package io.contactledger.query.web;

import io.contactledger.query.QuerySideSettings;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import io.contactledger.support.security.SignedToken;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs the opaque cursors of paged lists (contacts, a history) under {@code LEDGER_CURSOR_SECRET},
 * each bound to what issued it (workspace, filters, contact), so an edited, invented or borrowed
 * cursor is refused instead of paging something else.
 */
@Component
public class Cursors {

    private final SignedToken tokens;

    Cursors(QuerySideSettings settings) {
        String secret = settings.cursorSecret();
        this.tokens = new SignedToken(secret.isBlank() ? generatedSecret() : secret);
    }

    /**
     * Never a constant: without a configured secret each instance signs with its own random one,
     * so its cursors work only on it (the launcher and the compose file configure one).
     */
    private static String generatedSecret() {
        LoggerFactory.getLogger(Cursors.class).warn("LEDGER_CURSOR_SECRET is not set: list cursors are signed with"
                + " a random secret of this instance and fail on other instances; set the same secret on every query-side instance");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    public String issue(String position, String boundTo) {
        return tokens.sign(position + "|" + boundTo);
    }

    /** The position a cursor carries, if this service issued it for {@code boundTo}. */
    public Optional<String> position(String cursor, String boundTo) {
        String suffix = "|" + boundTo;
        return tokens.claims(cursor).filter(claims -> claims.endsWith(suffix))
                .map(claims -> claims.substring(0, claims.length() - suffix.length()));
    }
}
