package io.contactledger.command.contact;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactledger.command.details.Details;
import io.contactledger.events.ContactType;
import io.contactledger.events.MergedNote;

/** What a contact offers a merge as its source: everything the survivor may take from it. */
public record MergeSource(String contactId, ContactType type, Details details, String customerId, Set<String> tags,
        List<MergedNote> notes, Map<String, String> customFields) {
}
