package io.contactledger.query.live;

import io.contactledger.events.ContactType;

/** The data of a workspace stream's {@code contact} event: which contact changed, to which version. */
public record ContactUpdate(String contactId, long version, ContactType type) {
}
