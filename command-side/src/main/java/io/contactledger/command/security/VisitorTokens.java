package io.contactledger.command.security;

import java.time.Clock;
import java.time.Duration;

import io.contactledger.command.CommandSideSettings;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.support.security.SignedToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A visitor token proves that this widget key created a contact: {@code workspace|contact|key
 * name|expiry}, a {@link SignedToken} under {@code LEDGER_TOKEN_SECRET}. It is handed out by
 * POST /contacts and sent back as {@code X-Visitor-Token}; another widget key of the workspace
 * cannot use it.
 */
@Component
public class VisitorTokens {

    public static final String HEADER = "X-Visitor-Token";

    private final SignedToken tokens;
    private final Duration lifetime;
    private final Clock clock;

    @Autowired
    VisitorTokens(CommandSideSettings settings) {
        this(settings.security().tokenSecret(), settings.security().visitorTokenLifetime(), Clock.systemUTC());
    }

    VisitorTokens(String secret, Duration lifetime, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("LEDGER_TOKEN_SECRET must be set to at least 32 characters");
        }
        this.tokens = new SignedToken(secret);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(ContactRef contact, String keyName) {
        return tokens.sign(contact.workspaceId() + "|" + contact.contactId() + "|" + keyName + "|"
                + clock.instant().plus(lifetime).getEpochSecond());
    }

    /** Refuses a missing, tampered, expired or foreign token, or one issued to another key. */
    public void verify(String token, ContactRef contact, String keyName) {
        if (token == null) {
            throw new AccessRefused("a widget needs the contact's visitor token (" + HEADER + ")");
        }
        String[] fields = tokens.claims(token).orElse("").split("\\|", -1);
        if (fields.length == 4 && fields[0].equals(contact.workspaceId()) && fields[1].equals(contact.contactId())
                && fields[2].equals(keyName) && notExpired(fields[3])) {
            return;
        }
        throw new AccessRefused("the visitor token is not valid for this contact");
    }

    private boolean notExpired(String expiry) {
        try {
            return Long.parseLong(expiry) > clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
