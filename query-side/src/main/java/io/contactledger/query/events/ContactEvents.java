package io.contactledger.query.events;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.contactledger.events.ContactStreams;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
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

    public boolean exists(String workspaceId, String contactId) {
        return eventStore.lastSequenceNumberFor(ContactStreams.contact(workspaceId, contactId)).isPresent();
    }

    /** The contact's last sequence number, -1 for an unknown contact. */
    public long lastSequence(String workspaceId, String contactId) {
        return eventStore.lastSequenceNumberFor(ContactStreams.contact(workspaceId, contactId)).orElse(-1L);
    }

    /** Whether the contact's personal data was erased: its last event is then its ContactErased (it takes no command after). */
    public boolean isErased(String workspaceId, String contactId) {
        long last = lastSequence(workspaceId, contactId);
        return last >= 0 && page(workspaceId, contactId, last, 1).stream()
                .anyMatch(event -> event.getPayload() instanceof io.contactledger.events.ContactErased);
    }

    /** At most {@code count} events from sequence number {@code from} on; the store is read lazily. */
    public List<DomainEventMessage<?>> page(String workspaceId, String contactId, long from, int count) {
        DomainEventStream stream = eventStore.readEvents(ContactStreams.contact(workspaceId, contactId), from);
        List<DomainEventMessage<?>> page = new ArrayList<>(Math.min(count, 1_024));
        while (page.size() < count && stream.hasNext()) {
            page.add(stream.next());
        }
        return page;
    }

    /** Every event from sequence number {@code from} on, read from the store in batches as the caller iterates. */
    public Iterator<? extends DomainEventMessage<?>> from(String workspaceId, String contactId, long from) {
        return eventStore.readEvents(ContactStreams.contact(workspaceId, contactId), from);
    }

    /** Every event, read from the store in batches as the caller iterates. */
    public Iterator<? extends DomainEventMessage<?>> all(String workspaceId, String contactId) {
        return eventStore.readEvents(ContactStreams.contact(workspaceId, contactId));
    }
}
