package io.contactledger.command.erasure;

import io.contactledger.command.dispatch.ContactAddressed;
import io.contactledger.command.identity.ContactRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a contact's personal data, and that of every contact merged with it (DESIGN §9). */
record EraseContact(@TargetAggregateIdentifier ContactRef contact) implements ContactAddressed {
}
