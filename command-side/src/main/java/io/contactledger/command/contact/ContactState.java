package io.contactledger.command.contact;

import io.contactledger.command.dispatch.Versioned;
import io.contactledger.events.ContactType;

/** What a command answers: the contact's type and its last event sequence number after the command. */
public record ContactState(ContactType type, long version) implements Versioned {
}
