package io.contactledger.query.profile;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.contactledger.events.ContactEvent;
import io.contactledger.events.ContactStreams;
import io.contactledger.support.keys.ContactKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of events folded per contact, with {@link ProfileFold}, onto the profiles stored before
 * it: every contact of the batch is read with one query per workspace and written once, however
 * many of its events the batch holds. An event at or below a profile's version was applied
 * already (a redelivery) and changes nothing; one past the next version reveals a hole, mended by
 * folding the contact afresh from the store. Used by the live projection and by rebuilds alike.
 */
public final class BatchFold {

    private static final Logger log = LoggerFactory.getLogger(BatchFold.class);

    /** A profile as the batch found it, and as the batch's events have made it. */
    private static final class Change {
        private final ContactProfile stored;
        private ContactProfile latest;

        Change(ContactProfile stored) {
            this.stored = stored;
            this.latest = stored;
        }
    }

    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final ProfileStore store;
    private final ProfileTables tables;
    private final EventStore eventStore;
    private final Function<String, ContactProfile> unwritten;

    private BatchFold(ProfileStore store, ProfileTables tables, EventStore eventStore, Function<String, ContactProfile> unwritten) {
        this.store = store;
        this.tables = tables;
        this.eventStore = eventStore;
        this.unwritten = unwritten;
    }

    /**
     * Starts a batch over {@code messages}, reading the stored profiles of the contacts they touch
     * from {@code tables} and their keys from {@code keys}, one query per workspace each.
     */
    public static BatchFold over(List<? extends EventMessage<?>> messages, ProfileStore store, ProfileTables tables,
            EventStore eventStore, ContactKeys keys) {
        Map<String, Set<String>> contactsByWorkspace = contactsByWorkspace(messages);
        // keys first: opening a payload reads its contact's key otherwise, a round trip per contact
        contactsByWorkspace.forEach(keys::preload);
        return over(contactsByWorkspace, store, tables, eventStore, stream -> null, Set.of());
    }

    /**
     * A batch over a rebuild's copy, which was empty when the build began and receives the store's
     * events once each, in the store's order, from {@code messages} already {@link #open opened}.
     * Some of the copy's profiles may still be being written by an earlier batch: {@code unwritten}
     * answers those by their stream (null for the others, which are read from the copy). A contact
     * whose first event here is its first event of all cannot be in the copy yet, and is not read
     * for: in a build over contacts of ten events each, most of a batch's contacts begin in it.
     */
    public static BatchFold intoRebuiltCopy(List<? extends EventMessage<?>> messages, ProfileStore store, ProfileTables tables,
            EventStore eventStore, Function<String, ContactProfile> unwritten) {
        // a contact's events come in order, so one whose first event is here has it first here
        Set<String> begunHere = new java.util.HashSet<>();
        for (EventMessage<?> message : messages) {
            if (message instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0) {
                begunHere.add(domain.getAggregateIdentifier());
            }
        }
        return over(contactsByWorkspace(messages), store, tables, eventStore, unwritten, begunHere);
    }

    private static BatchFold over(Map<String, Set<String>> contactsByWorkspace, ProfileStore store, ProfileTables tables,
            EventStore eventStore, Function<String, ContactProfile> unwritten, Set<String> notStored) {
        BatchFold fold = new BatchFold(store, tables, eventStore, unwritten);
        contactsByWorkspace.forEach((workspaceId, contactIds) -> {
            List<String> toRead = new java.util.ArrayList<>(contactIds.size());
            for (String contactId : contactIds) {
                String stream = ContactStreams.contact(workspaceId, contactId);
                ContactProfile pending = unwritten.apply(stream);
                fold.changes.put(stream, new Change(pending));
                if (pending == null && !notStored.contains(stream)) {
                    toRead.add(contactId);
                }
            }
            if (!toRead.isEmpty()) {
                for (ContactProfile stored : store.findAll(tables, workspaceId, toRead)) {
                    fold.changes.put(ContactStreams.contact(workspaceId, stored.contactId()), new Change(stored));
                }
            }
        });
        return fold;
    }

    /**
     * Does what of a batch needs no transaction, so a reader thread can do it ahead of the batch's
     * fold: reads its contacts' keys (one query per workspace) and opens every payload and timestamp,
     * which the messages keep.
     */
    public static void open(List<? extends EventMessage<?>> messages, ContactKeys keys) {
        contactsByWorkspace(messages).forEach(keys::preload);
        for (EventMessage<?> message : messages) {
            message.getPayload();
            message.getTimestamp();
        }
    }

    /** The contacts whose events {@code messages} holds, by workspace, told by their streams' names without opening a payload. */
    private static Map<String, Set<String>> contactsByWorkspace(List<? extends EventMessage<?>> messages) {
        Map<String, Set<String>> contactsByWorkspace = new LinkedHashMap<>();
        for (EventMessage<?> message : messages) {
            if (message instanceof DomainEventMessage<?> domain) {
                String stream = domain.getAggregateIdentifier();
                int slash = stream.indexOf('/');
                if (slash > 0) {
                    contactsByWorkspace.computeIfAbsent(stream.substring(0, slash), ws -> new LinkedHashSet<>())
                            .add(stream.substring(slash + 1));
                }
            }
        }
        return contactsByWorkspace;
    }

    public void apply(ContactEvent event, DomainEventMessage<?> message) {
        String stream = ContactStreams.contact(event.workspaceId(), event.contactId());
        Change change = changes.computeIfAbsent(stream, key -> {
            ContactProfile pending = unwritten.apply(key);
            return new Change(pending != null ? pending
                    : store.findAll(tables, event.workspaceId(), List.of(event.contactId())).stream().findFirst().orElse(null));
        });
        long expected = change.latest == null ? 0 : change.latest.version() + 1;
        long sequence = message.getSequenceNumber();
        if (sequence < expected) {
            return;
        }
        if (sequence > expected) {
            // A contact's events are numbered without holes, so one never reached the read model (seen once
            // when an instance was killed while segments moved): fold the contact afresh from the store.
            log.warn("profile {} is at version {} but event {} arrived; refolding it from the event store",
                    stream, expected - 1, sequence);
            change.latest = ProfileFold.replay(eventStore.readEvents(stream).asStream()
                    .takeWhile(e -> e.getSequenceNumber() <= sequence).toList());
            return;
        }
        ContactProfile next = ProfileFold.apply(change.latest, message);
        if (next != null) {
            change.latest = next;
        }
    }

    /** What the batch changed: each changed profile as the batch found it and as it left it. */
    public List<ProfileStore.Replacement> replacements() {
        return changes.values().stream()
                .filter(change -> change.latest != change.stored)
                .map(change -> new ProfileStore.Replacement(change.stored, change.latest))
                .toList();
    }

    /** Writes what the batch changed into its copy of the read model; returns the profiles written. */
    public List<ContactProfile> write() {
        List<ProfileStore.Replacement> replacements = replacements();
        store.saveAll(tables, replacements);
        return replacements.stream().map(ProfileStore.Replacement::next).toList();
    }
}
