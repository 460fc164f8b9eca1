package io.contactledger.support.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one "payload.signature" format of the service (visitor tokens, list cursors):
 * {@code base64url(claims).base64url(HMAC-SHA256(secret, claims))}, checked in constant time.
 * What the claims mean, and what they are bound to, is the caller's business.
 */
public final class SignedToken {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final String secret;

    public SignedToken(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a signing secret is required");
        }
        this.secret = secret;
    }

    public String sign(String claims) {
        return ENCODE.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(hmacSha256(secret, claims));
    }

    /** The claims of a token this secret signed; empty for anything else (malformed, edited, foreign). */
    public Optional<String> claims(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String claims = new String(DECODE.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            boolean signed = MessageDigest.isEqual(hmacSha256(secret, claims), DECODE.decode(token.substring(dot + 1)));
            return signed ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** HMAC-SHA256 of a text under a secret (also the identity hash of DESIGN §6, hex-encoded). */
    public static byte[] hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant time: how long it takes says nothing about how much of the value matched. */
    public static boolean sameBytes(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }
}
