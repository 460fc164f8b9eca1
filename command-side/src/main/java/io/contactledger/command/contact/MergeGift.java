package io.contactledger.command.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.contactledger.events.ContactMerged;
import io.contactledger.events.ContactType;

/**
 * What one merge gave the survivor and is still as the merge left it: every later change to a
 * given field, tag, note or custom field drops it from here, so an unmerge takes back exactly
 * the merge's part and nothing changed since (DESIGN §9). Part of the aggregate's state.
 */
final class MergeGift {

    private Instant mergedAt;
    private Set<String> details;
    private boolean customerId;
    private Set<String> tags;
    private Set<String> noteIds;
    private Set<String> customFields;
    private ContactType typeBefore;
    /** True while the survivor's type is still the one the merge raised it to. */
    private boolean typeFromMerge;

    private MergeGift() {
        // for snapshots
    }

    static MergeGift of(ContactMerged merged, Instant at) {
        MergeGift gift = new MergeGift();
        gift.mergedAt = at;
        gift.details = new HashSet<>();
        addIfSet(gift.details, "name", merged.name());
        addIfSet(gift.details, "email", merged.email());
        addIfSet(gift.details, "phone", merged.phone());
        addIfSet(gift.details, "country", merged.country());
        addIfSet(gift.details, "timezone", merged.timezone());
        gift.customerId = merged.customerId() != null;
        gift.tags = new HashSet<>(merged.tags());
        gift.noteIds = new HashSet<>();
        if (merged.notes() != null) {
            merged.notes().forEach(note -> gift.noteIds.add(note.noteId()));
        }
        gift.customFields = new HashSet<>(merged.customFields() == null ? Set.of() : merged.customFields().keySet());
        gift.typeBefore = merged.typeBefore();
        gift.typeFromMerge = merged.typeAfter() != merged.typeBefore();
        return gift;
    }

    private static void addIfSet(Set<String> names, String name, String value) {
        if (value != null) {
            names.add(name);
        }
    }

    Instant mergedAt() {
        return mergedAt;
    }

    void detailsChanged(Collection<String> names) {
        details.removeAll(names);
    }

    void tagChanged(String tag) {
        tags.remove(tag);
    }

    void noteChanged(String noteId) {
        noteIds.remove(noteId);
    }

    void customFieldChanged(String key) {
        customFields.remove(key);
    }

    void typeChanged() {
        typeFromMerge = false;
    }

    boolean gaveDetail(String name) {
        return details.contains(name);
    }

    boolean gaveCustomerId() {
        return customerId;
    }

    List<String> details() {
        return details.stream().sorted().toList();
    }

    List<String> tags() {
        return tags.stream().sorted().toList();
    }

    List<String> noteIds() {
        return noteIds.stream().sorted().toList();
    }

    List<String> customFields() {
        return customFields.stream().sorted().toList();
    }

    boolean typeFromMerge() {
        return typeFromMerge;
    }

    ContactType typeBefore() {
        return typeBefore;
    }
}
