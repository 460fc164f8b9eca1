package io.contactledger.command.merge;

import io.contactledger.command.dispatch.ContactAddressed;
import io.contactledger.command.identity.ContactRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Merging two contacts: addressed to the survivor, naming the source. */
final class MergeCommands {

    private MergeCommands() {
    }

    record MergeContacts(@TargetAggregateIdentifier ContactRef contact, ContactRef source) implements ContactAddressed {
    }

    record PreviewMerge(@TargetAggregateIdentifier ContactRef contact, ContactRef source) implements ContactAddressed {
    }
}
