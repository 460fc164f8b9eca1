package io.contactledger.query.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.contactledger.support.web.InvalidRequest;

/**
 * A keyset position in a contact list: the last item's creation time and id, bound to the filters
 * of the list it came from and signed, so a cursor that was edited, made up or taken from another
 * query is refused with 400 instead of silently paging something else.
 */
final class Cursor {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] secret;

    Cursor(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    record Position(long createdAtMicros, String contactId) {
    }

    String encode(Position position, String filters) {
        String payload = position.createdAtMicros() + ":" + position.contactId();
        return ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + signature(payload, filters);
    }

    Position decode(String cursor, String filters) {
        int dot = cursor.indexOf('.');
        try {
            if (dot > 0) {
                String payload = new String(DECODE.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
                boolean signed = MessageDigest.isEqual(
                        signature(payload, filters).getBytes(StandardCharsets.US_ASCII),
                        cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
                int colon = payload.indexOf(':');
                if (signed && colon > 0) {
                    return new Position(Long.parseLong(payload.substring(0, colon)), payload.substring(colon + 1));
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: refused below like any other forged cursor
        }
        throw new InvalidRequest("cursor", "is not a cursor this list handed out");
    }

    private String signature(String payload, String filters) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((payload + "|" + filters).getBytes(StandardCharsets.UTF_8));
            return ENCODE.encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
