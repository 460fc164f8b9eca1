package io.contactledger.command.merge;

import io.contactledger.command.dispatch.ContactAddressed;
import io.contactledger.command.identity.ContactRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Merging two contacts and undoing it: addressed to the survivor, naming the source. */
final class MergeCommands {

    private MergeCommands() {
    }

    record MergeContacts(@TargetAggregateIdentifier ContactRef contact, ContactRef source) implements ContactAddressed {
    }

    record PreviewMerge(@TargetAggregateIdentifier ContactRef contact, ContactRef source) implements ContactAddressed {
    }

    /** Undoing a merge, asked at {@code requestedAt} (the 30-day window is counted to it). */
    record UnmergeContacts(@TargetAggregateIdentifier ContactRef contact, ContactRef source, java.time.Instant requestedAt)
            implements ContactAddressed {
    }
}
