package io.contactledger.command.merge;

import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.contact.Contact;
import io.contactledger.command.contact.ContactState;
import io.contactledger.command.contact.MergePreview;
import io.contactledger.command.contact.MergeRefused;
import io.contactledger.command.contact.MergeSource;
import io.contactledger.command.merge.MergeCommands.MergeContacts;
import io.contactledger.command.merge.MergeCommands.PreviewMerge;
import io.contactledger.command.merge.MergeCommands.UnmergeContacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A merge touches two contacts, so it is handled here: both are loaded in one unit of work, the
 * rules are decided by the survivor ({@link Contact#mergeFrom}), and both contacts' events are
 * appended in the same transaction, with the customer-ID claim moved in it too. Another command
 * on either contact meanwhile makes one of the two appends fail on the store's key, and the merge
 * is decided again on fresh state (Commands retries it): both events or neither.
 */
@Component
class ContactMerging {

    private final Repository<Contact> contacts;
    private final CustomerIdRegistry claims;

    ContactMerging(Repository<Contact> contacts, CustomerIdRegistry claims) {
        this.contacts = contacts;
        this.claims = claims;
    }

    @CommandHandler
    ContactState handle(MergeContacts command) {
        requireTwo(command.contact().contactId(), command.source().contactId());
        Aggregate<Contact> survivor = contacts.load(command.contact().toString());
        Aggregate<Contact> source = contacts.load(command.source().toString());
        MergeSource offered = source.invoke(Contact::asMergeSource);
        ContactState merged = survivor.invoke(contact -> contact.mergeFrom(offered, claims));
        source.execute(contact -> contact.mergeInto(command.contact().contactId()));
        return merged;
    }

    @CommandHandler
    ContactState handle(UnmergeContacts command) {
        requireTwo(command.contact().contactId(), command.source().contactId());
        Aggregate<Contact> survivor = contacts.load(command.contact().toString());
        Aggregate<Contact> source = contacts.load(command.source().toString());
        ContactState unmerged = survivor.invoke(contact -> contact.giveBack(command.source().contactId(), command.requestedAt(), claims));
        source.execute(contact -> contact.restoreFrom(command.contact().contactId()));
        return unmerged;
    }

    @CommandHandler
    MergePreview handle(PreviewMerge command) {
        requireTwo(command.contact().contactId(), command.source().contactId());
        Aggregate<Contact> survivor = contacts.load(command.contact().toString());
        MergeSource offered = contacts.load(command.source().toString()).invoke(Contact::asMergeSource);
        return survivor.invoke(contact -> contact.previewMerge(offered));
    }

    private static void requireTwo(String survivorId, String sourceId) {
        if (survivorId.equals(sourceId)) {
            throw new MergeRefused("a contact cannot be merged into itself");
        }
    }
}
