package io.contactledger.query.profile;

import io.contactledger.events.ContactEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the profile read model current from the event store. Runs in a pooled streaming processor
 * whose token is saved in the same transaction as the rows it writes; an event at or below the
 * stored version was applied already (a redelivery after a crash) and changes nothing.
 */
@Component
@ProcessingGroup(ProfileProjection.NAME)
class ProfileProjection {

    static final String NAME = "contact-profiles";

    private final ProfileStore store;
    private final ProjectionProgress progress;

    ProfileProjection(ProfileStore store, ProjectionProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    @EventHandler
    void on(ContactEvent event, DomainEventMessage<?> message) {
        ContactProfile current = store.find(event.workspaceId(), event.contactId()).orElse(null);
        if (current != null && message.getSequenceNumber() <= current.version()) {
            return;
        }
        ContactProfile next = ProfileFold.apply(current, message);
        if (next == null || next == current) {
            return;
        }
        store.save(current, next);
        CurrentUnitOfWork.ifStarted(unit -> unit.afterCommit(u -> progress.reached(event.workspaceId(), event.contactId())));
    }

    @ResetHandler
    void onReset() {
        store.deleteAll();
    }
}
