package io.contactledger.command.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactledger.command.claims.CustomerIdClaimed;
import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.contact.Contact;
import io.contactledger.command.fields.CustomFieldCatalog;
import io.contactledger.command.fields.FieldDefinition;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.events.FieldType;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

/**
 * Contacts behind Axon's real command handling on an in-memory store, with customer-ID claims in a
 * map and two custom fields (plan: text, seats: number): for specifications of rules that span
 * two contacts, where the handlers beside the aggregate ({@code handlers}) take its repository.
 */
public final class InMemoryContacts {

    public final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    /** Customer ID to the contact holding it. */
    public final Map<String, String> claims = new HashMap<>();
    public final CustomerIdRegistry registry = new MapRegistry();
    public final CommandGateway gateway;

    public InMemoryContacts(java.util.function.BiFunction<EventSourcingRepository<Contact>, CustomerIdRegistry, List<Object>> handlers) {
        Map<String, FieldDefinition> fields = Map.of(
                "plan", new FieldDefinition("plan", "Plan", FieldType.TEXT, List.of()),
                "seats", new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of()));
        CustomFieldCatalog catalog = (workspaceId, key) -> Optional.ofNullable(fields.get(key));
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Contact.class),
                new SimpleResourceParameterResolverFactory(List.of(registry, catalog)));
        EventSourcingRepository<Contact> repository = EventSourcingRepository.builder(Contact.class)
                .eventStore(store).parameterResolverFactory(resources).build();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Contact>builder().aggregateType(Contact.class).repository(repository)
                .parameterResolverFactory(resources).build().subscribe(bus);
        handlers.apply(repository, registry).forEach(handler -> new AnnotationCommandHandlerAdapter<>(handler).subscribe(bus));
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    public <R> R send(Object command) {
        return gateway.sendAndWait(command);
    }

    public List<DomainEventMessage<?>> events(ContactRef contact) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        store.readEvents(contact.toString()).forEachRemaining(events::add);
        return events;
    }

    public <T> T last(ContactRef contact, Class<T> type) {
        List<DomainEventMessage<?>> events = events(contact);
        return type.cast(events.get(events.size() - 1).getPayload());
    }

    private final class MapRegistry implements CustomerIdRegistry {
        @Override
        public void claim(ContactRef contact, String customerId) {
            String holder = claims.putIfAbsent(customerId, contact.contactId());
            if (holder != null && !holder.equals(contact.contactId())) {
                throw new CustomerIdClaimed(customerId, holder);
            }
        }

        @Override
        public Optional<String> holderOf(String workspaceId, String customerId) {
            return Optional.ofNullable(claims.get(customerId));
        }

        @Override
        public void transfer(String workspaceId, String customerId, String from, String to) {
            if (!claims.replace(customerId, from, to)) {
                throw new IllegalStateException(customerId + " is not held by " + from);
            }
        }

        @Override
        public void release(ContactRef contact) {
            claims.values().removeIf(contact.contactId()::equals);
        }
    }
}
