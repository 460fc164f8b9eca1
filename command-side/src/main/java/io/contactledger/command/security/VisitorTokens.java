package io.contactledger.command.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import io.contactledger.command.contact.ContactRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A visitor token proves the widget created a contact: {@code workspace|contact|expiry}, signed
 * with HMAC-SHA256 under {@code LEDGER_TOKEN_SECRET}. It is handed out by POST /contacts and sent
 * back as {@code X-Visitor-Token}.
 */
@Component
public class VisitorTokens {

    public static final String HEADER = "X-Visitor-Token";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final String secret;
    private final Duration lifetime;
    private final Clock clock;

    @Autowired
    VisitorTokens(@Value("${ledger.security.token-secret:}") String secret,
            @Value("${ledger.security.visitor-token-lifetime:24h}") Duration lifetime) {
        this(secret, lifetime, Clock.systemUTC());
    }

    VisitorTokens(String secret, Duration lifetime, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("LEDGER_TOKEN_SECRET must be set to at least 32 characters");
        }
        this.secret = secret;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(ContactRef contact) {
        String claims = contact.workspaceId() + "|" + contact.contactId() + "|" + clock.instant().plus(lifetime).getEpochSecond();
        return ENCODE.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(Hmac.sha256(secret, claims));
    }

    /** Refuses a missing, tampered, expired or foreign token. */
    public void verify(String token, ContactRef contact) {
        if (token == null || token.indexOf('.') < 0) {
            throw new AccessRefused("a widget needs the contact's visitor token (" + HEADER + ")");
        }
        try {
            String[] parts = token.split("\\.", 2);
            String claims = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
            boolean signed = Hmac.sameBytes(Hmac.sha256(secret, claims), DECODE.decode(parts[1]));
            String[] fields = claims.split("\\|");
            if (signed && fields.length == 3 && fields[0].equals(contact.workspaceId()) && fields[1].equals(contact.contactId())
                    && Long.parseLong(fields[2]) > clock.instant().getEpochSecond()) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: refused below like any other bad token
        }
        throw new AccessRefused("the visitor token is not valid for this contact");
    }
}
