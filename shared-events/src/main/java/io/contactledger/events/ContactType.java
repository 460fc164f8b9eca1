package io.contactledger.events;

/** The kind of contact. Types only move forward, in declaration order. */
public enum ContactType {
    GUEST, LEAD, CUSTOMER;

    public boolean isBefore(ContactType other) {
        return ordinal() < other.ordinal();
    }
}
