package io.contactledger.command.erasure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactledger.command.contact.Contact;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.violations.RulesBroken;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Erasure (DESIGN §9): the contact asked for and every contact merged with it, directly or
 * through another, are one person's data and are erased together, in one unit of work: each
 * records {@code ContactErased} and has its stored personal data shredded in the same transaction.
 * Asked again, it records nothing more and answers the same.
 */
@Component
class ContactErasing {

    /** A merged group larger than this is refused rather than loaded whole in one transaction. */
    static final int MAX_CONTACTS = 100;

    private final Repository<Contact> contacts;
    private final StoredPersonalData stored;

    ContactErasing(Repository<Contact> contacts, StoredPersonalData stored) {
        this.contacts = contacts;
        this.stored = stored;
    }

    @CommandHandler
    Erasure handle(EraseContact command) {
        ContactRef asked = command.contact();
        Map<String, Aggregate<Contact>> group = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>(List.of(asked.contactId()));
        while (!next.isEmpty()) {
            String contactId = next.poll();
            if (group.containsKey(contactId)) {
                continue;
            }
            if (group.size() == MAX_CONTACTS) {
                throw new RulesBroken("contactId", "is merged with more than " + MAX_CONTACTS
                        + " contacts; unmerge some first or erase them one group at a time");
            }
            Aggregate<Contact> contact = contacts.load(new ContactRef(asked.workspaceId(), contactId).toString());
            group.put(contactId, contact);
            next.addAll(contact.invoke(Contact::mergedWith));
        }
        boolean recorded = false;
        for (Map.Entry<String, Aggregate<Contact>> member : group.entrySet()) {
            recorded |= member.getValue().invoke(contact -> contact.erase(asked.contactId()));
            stored.shred(new ContactRef(asked.workspaceId(), member.getKey()));
        }
        return new Erasure(asked.contactId(), recorded, List.copyOf(group.keySet()));
    }
}
