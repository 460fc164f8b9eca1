package io.contactledger.query.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.contactledger.events.ContactCreated;
import io.contactledger.events.ContactErased;
import io.contactledger.events.ContactUnmerged;
import io.contactledger.events.ContactMerged;
import io.contactledger.events.ContactMergedInto;
import io.contactledger.events.MergedNote;
import io.contactledger.events.ContactPromoted;
import io.contactledger.events.ContactType;
import io.contactledger.events.CustomFieldCleared;
import io.contactledger.events.CustomFieldSet;
import io.contactledger.events.CustomerIdLinked;
import io.contactledger.events.DetailsLeft;
import io.contactledger.events.NoteDeleted;
import io.contactledger.events.NoteEdited;
import io.contactledger.events.NoteWritten;
import io.contactledger.events.TagAdded;
import io.contactledger.events.TagRemoved;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The one pure fold from events to a profile: {@code profile = apply(profile, event)}. The live
 * projection and the auditors' as-of replay both use it, so they cannot disagree. It re-derives no
 * rule: the type changes only as ContactPromoted, ContactMerged or ContactUnmerged say, as the
 * aggregate decided.
 */
public final class ProfileFold {

    private ProfileFold() {
    }

    /**
     * The profile after {@code event}; {@code profile} is null before the contact's first event.
     * Events that are not about a contact leave the profile as it is.
     */
    public static ContactProfile apply(ContactProfile profile, DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        Instant at = event.getTimestamp();
        long version = event.getSequenceNumber();
        if (payload instanceof ContactCreated created) {
            return new ContactProfile(created.workspaceId(), created.contactId(), ContactType.GUEST, null, null, null,
                    created.country(), created.timezone(), null, List.of(), Map.of(), List.of(), at, at, version);
        }
        if (profile == null) {
            return null;
        }
        Builder next = new Builder(profile, at, version);
        if (payload instanceof DetailsLeft details) {
            next.name = pick(details.name(), next.name);
            next.email = pick(details.email(), next.email);
            next.phone = pick(details.phone(), next.phone);
            next.country = pick(details.country(), next.country);
            next.timezone = pick(details.timezone(), next.timezone);
        } else if (payload instanceof ContactPromoted promoted) {
            next.type = promoted.to();
        } else if (payload instanceof CustomerIdLinked linked) {
            next.customerId = linked.customerId();
        } else if (payload instanceof TagAdded added) {
            next.tags().add(added.tag());
        } else if (payload instanceof TagRemoved removed) {
            next.tags().remove(removed.tag());
        } else if (payload instanceof NoteWritten written) {
            next.notes().add(new Note(written.noteId(), written.text(), written.author(), at, null));
        } else if (payload instanceof NoteEdited edited) {
            next.notes().replaceAll(note -> note.noteId().equals(edited.noteId())
                    ? new Note(note.noteId(), edited.text(), note.author(), note.writtenAt(), at) : note);
        } else if (payload instanceof NoteDeleted deleted) {
            next.notes().removeIf(note -> note.noteId().equals(deleted.noteId()));
        } else if (payload instanceof CustomFieldSet set) {
            next.customFields.put(set.key(), set.value());
        } else if (payload instanceof CustomFieldCleared cleared) {
            next.customFields.remove(cleared.key());
        } else if (payload instanceof ContactMerged merged) {
            next.name = pick(merged.name(), next.name);
            next.email = pick(merged.email(), next.email);
            next.phone = pick(merged.phone(), next.phone);
            next.country = pick(merged.country(), next.country);
            next.timezone = pick(merged.timezone(), next.timezone);
            next.customerId = pick(merged.customerId(), next.customerId);
            next.tags().addAll(merged.tags());
            for (MergedNote note : merged.notes() == null ? List.<MergedNote>of() : merged.notes()) {
                next.notes().add(new Note(note.noteId(), note.text(), note.author(), instant(note.writtenAt(), at),
                        note.editedAt() == null ? null : Instant.parse(note.editedAt())));
            }
            if (merged.customFields() != null) {
                next.customFields.putAll(merged.customFields());
            }
            next.type = merged.typeAfter();
        } else if (payload instanceof ContactMergedInto mergedInto) {
            next.mergedInto = mergedInto.survivorId();
        } else if (payload instanceof ContactUnmerged unmerged) {
            giveBack(next, unmerged);
        } else if (payload instanceof ContactErased) {
            // what the erasure left: no personal value, nothing to find it by
            next.erased = true;
            next.name = null;
            next.email = null;
            next.phone = null;
            next.customerId = null;
            next.tags().clear();
            next.notes().clear();
            next.customFields.clear();
        } else {
            return profile;
        }
        return next.build();
    }

    /** An unmerge: the source is itself again; the survivor loses exactly what the event names. */
    private static void giveBack(Builder next, ContactUnmerged unmerged) {
        if (!unmerged.contactId().equals(unmerged.survivorId())) {
            next.mergedInto = null;
            return;
        }
        List<String> details = unmerged.details();
        next.name = details.contains("name") ? null : next.name;
        next.email = details.contains("email") ? null : next.email;
        next.phone = details.contains("phone") ? null : next.phone;
        next.country = details.contains("country") ? null : next.country;
        next.timezone = details.contains("timezone") ? null : next.timezone;
        if (unmerged.customerId()) {
            next.customerId = null;
        }
        unmerged.tags().forEach(next.tags()::remove);
        next.notes().removeIf(note -> unmerged.noteIds().contains(note.noteId()));
        unmerged.customFields().forEach(next.customFields::remove);
        if (unmerged.typeAfter() != null) {
            next.type = unmerged.typeAfter();
        }
    }

    /** Folds a whole history from nothing. */
    public static ContactProfile replay(Iterable<? extends DomainEventMessage<?>> events) {
        ContactProfile profile = null;
        for (DomainEventMessage<?> event : events) {
            profile = apply(profile, event);
        }
        return profile;
    }

    private static Instant instant(String iso, Instant fallback) {
        return iso == null ? fallback : Instant.parse(iso);
    }

    private static String pick(String changed, String current) {
        return changed != null ? changed : current;
    }

    /** A mutable copy used for one step of the fold only. */
    private static final class Builder {
        private final ContactProfile from;
        private final Instant at;
        private final long version;
        private ContactType type;
        private String name;
        private String email;
        private String phone;
        private String country;
        private String timezone;
        private String customerId;
        /** The profile's own (immutable) tags until a step changes them, then a sorted copy. */
        private Collection<String> tags;
        private final TreeMap<String, String> customFields;
        /** The profile's own (immutable) notes until a step changes them, then a copy: a long history has thousands. */
        private List<Note> notes;
        private String mergedInto;
        private boolean erased;

        Builder(ContactProfile from, Instant at, long version) {
            this.from = from;
            this.at = at;
            this.version = version;
            this.type = from.type();
            this.name = from.name();
            this.email = from.email();
            this.phone = from.phone();
            this.country = from.country();
            this.timezone = from.timezone();
            this.customerId = from.customerId();
            this.tags = from.tags();
            this.customFields = new TreeMap<>(from.customFields());
            this.notes = from.notes();
            this.mergedInto = from.mergedInto();
            this.erased = from.wasErased();
        }

        /** The tags, to change. */
        TreeSet<String> tags() {
            if (!(tags instanceof TreeSet<String>)) {
                tags = new TreeSet<>(tags);
            }
            return (TreeSet<String>) tags;
        }

        /** The notes, to change. */
        List<Note> notes() {
            if (!(notes instanceof ArrayList<Note>)) {
                notes = new ArrayList<>(notes);
            }
            return notes;
        }

        ContactProfile build() {
            return new ContactProfile(from.workspaceId(), from.contactId(), type, name, email, phone, country, timezone,
                    customerId, List.copyOf(tags), customFields, notes, from.createdAt(), at, version, mergedInto,
                    erased ? Boolean.TRUE : null);
        }
    }
}
