package io.contactledger.query.history;

import java.util.List;

import io.contactledger.events.ContactStreams;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads one contact's events, in order, straight from the event store. */
@Component
public class ContactEvents {

    private final EventStore eventStore;

    public ContactEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<? extends DomainEventMessage<?>> of(String workspaceId, String contactId) {
        return eventStore.readEvents(ContactStreams.contact(workspaceId, contactId)).asStream().toList();
    }
}
