package io.contactledger.query.search;

import io.contactledger.support.security.SignedToken;
import io.contactledger.support.web.InvalidRequest;

/**
 * A keyset position in a contact list: the last item's creation time and id, bound to the
 * workspace and filters of the list it came from and signed, so a cursor that was edited, made up
 * or taken from another query is refused with 400 instead of silently paging something else.
 */
final class Cursor {

    private final SignedToken tokens;

    Cursor(String secret) {
        this.tokens = new SignedToken(secret);
    }

    record Position(long createdAtMicros, String contactId) {
    }

    String encode(Position position, String boundTo) {
        return tokens.sign(position.createdAtMicros() + ":" + position.contactId() + "|" + boundTo);
    }

    Position decode(String cursor, String boundTo) {
        String claims = tokens.claims(cursor).orElse("");
        String suffix = "|" + boundTo;
        int colon = claims.indexOf(':');
        if (claims.endsWith(suffix) && colon > 0) {
            try {
                return new Position(Long.parseLong(claims.substring(0, colon)),
                        claims.substring(colon + 1, claims.length() - suffix.length()));
            } catch (NumberFormatException e) {
                // refused below like any other forged cursor
            }
        }
        throw new InvalidRequest("cursor", "is not a cursor this list handed out");
    }
}
