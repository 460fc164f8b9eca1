package io.contactledger.command.erasure;

import io.contactledger.command.identity.ContactRef;

/** A contact's personal data as stored beside its events, shredded by an erasure in its transaction. */
interface StoredPersonalData {

    void shred(ContactRef contact);
}
