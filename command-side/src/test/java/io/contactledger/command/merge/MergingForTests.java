package io.contactledger.command.merge;

import java.time.Instant;

import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.contact.Contact;
import io.contactledger.command.identity.ContactRef;
import org.axonframework.modelling.command.Repository;

/** The merge's handler and commands for specifications outside this package (erasure of a merged pair). */
public final class MergingForTests {

    private MergingForTests() {
    }

    public static Object handler(Repository<Contact> contacts, CustomerIdRegistry claims) {
        return new ContactMerging(contacts, claims);
    }

    public static Object merge(ContactRef survivor, ContactRef source) {
        return new MergeCommands.MergeContacts(survivor, source);
    }

    public static Object unmerge(ContactRef survivor, ContactRef source) {
        return new MergeCommands.UnmergeContacts(survivor, source, Instant.now());
    }
}
