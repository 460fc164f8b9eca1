package io.contactledger.query.search;

import io.contactledger.query.web.Cursors;
import io.contactledger.support.web.InvalidRequest;

/**
 * A keyset position in a contact list: the last item's creation time and id, bound to the
 * workspace and filters of the list it came from.
 */
final class Cursor {

    private final Cursors cursors;

    Cursor(Cursors cursors) {
        this.cursors = cursors;
    }

    record Position(long createdAtMicros, String contactId) {
    }

    String encode(Position position, String boundTo) {
        return cursors.issue(position.createdAtMicros() + ":" + position.contactId(), boundTo);
    }

    Position decode(String cursor, String boundTo) {
        String position = cursors.position(cursor, boundTo).orElse("");
        int colon = position.indexOf(':');
        if (colon > 0) {
            try {
                return new Position(Long.parseLong(position.substring(0, colon)), position.substring(colon + 1));
            } catch (NumberFormatException e) {
                // refused below like any other forged cursor
            }
        }
        throw new InvalidRequest("cursor", "is not a cursor this list handed out");
    }
}
