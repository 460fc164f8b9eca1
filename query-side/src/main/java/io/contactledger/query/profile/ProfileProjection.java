package io.contactledger.query.profile;

import java.util.List;

import io.contactledger.events.ContactEvent;
import io.contactledger.support.keys.ContactKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the live profile read model current from the event store. Runs in a tracking processor
 * (see query-side.yml for why not pooled) whose token is saved in the same transaction as the rows
 * it writes; each batch is folded per contact by {@link BatchFold}.
 */
@Component
@ProcessingGroup(ProfileProjection.NAME)
class ProfileProjection {

    static final String NAME = LiveTables.MODEL;
    private static final String BATCH_RESOURCE = ProfileProjection.class.getName() + ".batch";

    private final ProfileStore store;
    private final ProfileChanges changes;
    private final LiveTables live;
    private final ProjectionProgress progress;
    private final EventStore eventStore;
    private final ContactKeys keys;
    private final List<ProfileCommits> listeners;

    ProfileProjection(ProfileStore store, ProfileChanges changes, LiveTables live, ProjectionProgress progress, EventStore eventStore,
            ContactKeys keys, ObjectProvider<ProfileCommits> listeners) {
        this.store = store;
        this.changes = changes;
        this.live = live;
        this.progress = progress;
        this.eventStore = eventStore;
        this.keys = keys;
        this.listeners = listeners.orderedStream().toList();
    }

    @EventHandler
    void on(ContactEvent event, DomainEventMessage<?> message) {
        foldOfThisBatch().apply(event, message);
    }

    /** The batch's fold, written when it commits, together with the processor's token. */
    private BatchFold foldOfThisBatch() {
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        return unit.getOrComputeResource(BATCH_RESOURCE, key -> {
            List<org.axonframework.eventhandling.EventMessage<?>> messages = new java.util.ArrayList<>();
            if (unit instanceof BatchingUnitOfWork<?> batch) {
                for (Object message : batch.getMessages()) {
                    messages.add((org.axonframework.eventhandling.EventMessage<?>) message);
                }
            }
            BatchFold fold = BatchFold.over(messages, store, live.current(), eventStore, keys);
            @SuppressWarnings("unchecked")
            List<ProfileChange>[] written = new List[1];
            unit.onPrepareCommit(u -> {
                long projectedAt = System.currentTimeMillis();
                written[0] = fold.write().stream().map(p -> ProfileChange.of(p, projectedAt)).toList();
                changes.record(written[0]);
            });
            unit.afterCommit(u -> {
                written[0].forEach(c -> progress.reached(c.workspaceId(), c.contactId(), c.version()));
                if (!written[0].isEmpty()) {
                    listeners.forEach(listener -> listener.committed(written[0]));
                }
            });
            return fold;
        });
    }

    @ResetHandler
    void onReset() {
        store.deleteAll();
    }
}
