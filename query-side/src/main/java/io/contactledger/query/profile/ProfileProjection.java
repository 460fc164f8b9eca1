package io.contactledger.query.profile;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactledger.events.ContactEvent;
import io.contactledger.events.ContactStreams;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the profile read model current from the event store. Runs in a tracking processor (see
 * query-side.yml for why not pooled) whose token is saved in the same transaction as the rows it writes. Within one batch a contact
 * is read at most once and written once, however many of its events the batch holds; an event at
 * or below the stored version was applied already (a redelivery after a crash) and changes nothing,
 * and an event past the next version reveals a hole, which is mended by folding from the store.
 */
@Component
@ProcessingGroup(ProfileProjection.NAME)
class ProfileProjection {

    static final String NAME = "contact-profiles";
    private static final String BATCH_RESOURCE = ProfileProjection.class.getName() + ".batch";

    private static final Logger log = LoggerFactory.getLogger(ProfileProjection.class);

    private final ProfileStore store;
    private final ProjectionProgress progress;
    private final EventStore eventStore;
    private final List<ProfileCommits> listeners;

    ProfileProjection(ProfileStore store, ProjectionProgress progress, EventStore eventStore,
            ObjectProvider<ProfileCommits> listeners) {
        this.store = store;
        this.progress = progress;
        this.eventStore = eventStore;
        this.listeners = listeners.orderedStream().toList();
    }

    /** A profile as the batch found it in the store, and as the batch's events have made it. */
    private static final class Change {
        private final ContactProfile stored;
        private ContactProfile latest;

        Change(ContactProfile stored) {
            this.stored = stored;
            this.latest = stored;
        }
    }

    @EventHandler
    void on(ContactEvent event, DomainEventMessage<?> message) {
        String stream = ContactStreams.contact(event.workspaceId(), event.contactId());
        Change change = changesOfThisBatch().computeIfAbsent(stream,
                key -> new Change(store.find(event.workspaceId(), event.contactId()).orElse(null)));
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

    /** The batch's changes, written when it commits, together with the processor's token. */
    private Map<String, Change> changesOfThisBatch() {
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        return unit.getOrComputeResource(BATCH_RESOURCE, key -> {
            Map<String, Change> changes = storedProfilesOf(unit);
            long[] projectedAt = new long[1];
            unit.onPrepareCommit(u -> {
                projectedAt[0] = System.currentTimeMillis();
                store.saveAll(changes.values().stream()
                        .filter(change -> change.latest != change.stored)
                        .map(change -> new ProfileStore.Replacement(change.stored, change.latest))
                        .toList(), projectedAt[0]);
            });
            unit.afterCommit(u -> {
                List<ContactProfile> written = changes.values().stream()
                        .filter(change -> change.latest != change.stored)
                        .map(change -> change.latest)
                        .toList();
                written.forEach(profile -> progress.reached(profile.workspaceId(), profile.contactId(), profile.version()));
                if (!written.isEmpty()) {
                    List<ProfileChange> committed = written.stream().map(p -> ProfileChange.of(p, projectedAt[0])).toList();
                    listeners.forEach(listener -> listener.committed(committed));
                }
            });
            return changes;
        });
    }

    /**
     * Every contact the batch touches, read with one query per workspace as the batch starts;
     * a contact not yet in the read model gets a change from nothing.
     */
    private Map<String, Change> storedProfilesOf(UnitOfWork<?> unit) {
        Map<String, Change> changes = new LinkedHashMap<>();
        if (!(unit instanceof BatchingUnitOfWork<?> batch)) {
            return changes;
        }
        Map<String, Set<String>> contactsByWorkspace = new LinkedHashMap<>();
        for (var message : batch.getMessages()) {
            if (message.getPayload() instanceof ContactEvent event) {
                contactsByWorkspace.computeIfAbsent(event.workspaceId(), ws -> new LinkedHashSet<>()).add(event.contactId());
            }
        }
        contactsByWorkspace.forEach((workspaceId, contactIds) -> {
            for (String contactId : contactIds) {
                changes.put(ContactStreams.contact(workspaceId, contactId), new Change(null));
            }
            for (ContactProfile stored : store.findAll(workspaceId, contactIds)) {
                changes.put(ContactStreams.contact(workspaceId, stored.contactId()), new Change(stored));
            }
        });
        return changes;
    }

    @ResetHandler
    void onReset() {
        store.deleteAll();
    }
}
