package io.contactledger.command.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.contactledger.command.identity.ContactRef;
import io.contactledger.support.security.SignedToken;
import org.junit.jupiter.api.Test;

class VisitorTokensTest {

    private static final String SECRET = "a-visitor-token-secret-of-32-chars!!";
    private static final ContactRef ADA = new ContactRef("demo", "ada");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String WIDGET = "site-widget";

    private static VisitorTokens at(Instant instant) {
        return new VisitorTokens(SECRET, Duration.ofHours(24), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenProvesTheContactItWasIssuedForUntilItExpires() {
        String token = at(NOW).issue(ADA, WIDGET);

        assertThatCode(() -> at(NOW.plus(Duration.ofHours(23))).verify(token, ADA, WIDGET)).doesNotThrowAnyException();
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofHours(25))).verify(token, ADA, WIDGET))
                .as("expired").isInstanceOf(AccessRefused.class);
    }

    @Test
    void aTokenOfAnotherContactWorkspaceSecretOrWidgetKeyIsRefused() {
        String token = at(NOW).issue(ADA, WIDGET);

        assertThatThrownBy(() -> at(NOW).verify(token, ADA, "another-widget")).as("issued to another key").isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> at(NOW).verify(token, new ContactRef("demo", "grace"), WIDGET)).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> at(NOW).verify(token, new ContactRef("other", "ada"), WIDGET)).isInstanceOf(AccessRefused.class);
        VisitorTokens otherSecret = new VisitorTokens(SECRET + "x", Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> otherSecret.verify(token, ADA, WIDGET)).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> at(NOW).verify(null, ADA, WIDGET)).isInstanceOf(AccessRefused.class);
    }

    @Test
    void aShortSecretStopsStartUp() {
        assertThatThrownBy(() -> new VisitorTokens("short", Duration.ofHours(1), Clock.systemUTC()))
                .hasMessageContaining("LEDGER_TOKEN_SECRET");
    }

    @Test
    void identityHashesVerifyWithAnyOfTheWorkspacesSecretsOnly() {
        IdentityHashes hashes = new IdentityHashes("demo:old-secret,demo:new-secret,other:their-secret");
        String byOld = java.util.HexFormat.of().formatHex(SignedToken.hmacSha256("old-secret", "CUST-1"));
        String byNew = java.util.HexFormat.of().formatHex(SignedToken.hmacSha256("new-secret", "CUST-1"));
        String byOther = java.util.HexFormat.of().formatHex(SignedToken.hmacSha256("their-secret", "CUST-1"));

        assertThatCode(() -> hashes.verify("demo", "CUST-1", byOld)).doesNotThrowAnyException();
        assertThatCode(() -> hashes.verify("demo", "CUST-1", byNew.toUpperCase())).doesNotThrowAnyException();
        assertThatThrownBy(() -> hashes.verify("demo", "CUST-1", byOther)).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> hashes.verify("demo", "CUST-2", byNew)).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> hashes.verify("demo", "CUST-1", null)).isInstanceOf(AccessRefused.class);
    }
}
