package io.contactledger.command.contact;

import io.contactledger.events.ContactType;

/**
 * The type a contact has earned: CUSTOMER once a customer ID is linked, LEAD with a name and an
 * email or a phone, else GUEST. Types only move forward, so a contact is promoted only when it
 * has earned a later type than the one it has.
 */
public final class TypeRule {

    private TypeRule() {
    }

    public static ContactType earned(String name, String email, String phone, String customerId) {
        if (customerId != null) {
            return ContactType.CUSTOMER;
        }
        if (name != null && (email != null || phone != null)) {
            return ContactType.LEAD;
        }
        return ContactType.GUEST;
    }
}
