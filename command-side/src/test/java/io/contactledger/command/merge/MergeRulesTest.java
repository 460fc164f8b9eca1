package io.contactledger.command.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactledger.command.claims.CustomerIdClaimed;
import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.contact.Contact;
import io.contactledger.command.contact.ContactCommands.AddTag;
import io.contactledger.command.contact.ContactCommands.CreateContact;
import io.contactledger.command.contact.ContactCommands.LeaveDetails;
import io.contactledger.command.contact.ContactCommands.LinkCustomerId;
import io.contactledger.command.contact.ContactCommands.SetCustomField;
import io.contactledger.command.contact.ContactCommands.WriteNote;
import io.contactledger.command.contact.ContactMergedAway;
import io.contactledger.command.contact.ContactState;
import io.contactledger.command.contact.MergePreview;
import io.contactledger.command.contact.MergeRefused;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.fields.CustomFieldCatalog;
import io.contactledger.command.fields.FieldDefinition;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.merge.MergeCommands.MergeContacts;
import io.contactledger.command.merge.MergeCommands.PreviewMerge;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactMerged;
import io.contactledger.events.ContactMergedInto;
import io.contactledger.events.ContactType;
import io.contactledger.events.FieldType;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
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
import org.junit.jupiter.api.Test;

/**
 * The rules of a merge (DESIGN §9), as specifications on the real command handling over an
 * in-memory store: the survivor keeps its values and fills its blanks from the source, takes the
 * more advanced type, the union of tags (at most 100), copies of the notes with their authors and
 * times, the custom-field values it lacks and the source's customer ID; both events or neither.
 */
class MergeRulesTest {

    private static final String WS = "demo";
    private static final ContactRef SURVIVOR = new ContactRef(WS, "lead");
    private static final ContactRef SOURCE = new ContactRef(WS, "guest");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, String> claims = new HashMap<>();
    private final CommandGateway gateway;

    MergeRulesTest() {
        CustomerIdRegistry registry = new CustomerIdRegistry() {
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
        };
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
        new AnnotationCommandHandlerAdapter<>(new ContactMerging(repository, registry)).subscribe(bus);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        gateway.sendAndWait(new CreateContact(SURVIVOR, Channel.API, null, null));
        gateway.sendAndWait(new CreateContact(SOURCE, Channel.WIDGET, null, null));
    }

    @Test
    void theSurvivorsValuesWinAndItsBlanksAreFilledFromTheSource() {
        // given a survivor with a name and a source with another name, an email and a phone
        send(new LeaveDetails(SURVIVOR, new DetailsInput("Sam Lead", null, null, null, null)));
        send(new LeaveDetails(SOURCE, new DetailsInput("Samuel Guest", "SAM@example.com", "+44 20 7946 0123", null, null)));

        // when merged
        ContactState merged = gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));

        // then the survivor keeps its name and takes the email and phone, and becomes a LEAD
        ContactMerged taken = last(SURVIVOR, ContactMerged.class);
        assertThat(taken.name()).as("the survivor had a name").isNull();
        assertThat(taken.email()).isEqualTo("sam@example.com");
        assertThat(taken.phone()).isEqualTo("+442079460123");
        assertThat(taken.typeBefore()).isEqualTo(ContactType.GUEST);
        assertThat(merged.type()).isEqualTo(ContactType.LEAD);
        assertThat(last(SOURCE, ContactMergedInto.class).survivorId()).isEqualTo("lead");
    }

    @Test
    void tagsAreUnitedNotesCopiedWithAuthorsAndFieldsFilledWhereMissing() {
        send(new AddTag(SURVIVOR, "vip"));
        send(new SetCustomField(SURVIVOR, "plan", "pro"));
        send(new AddTag(SOURCE, "vip"));
        send(new AddTag(SOURCE, "new york"));
        send(new WriteNote(SOURCE, "n-1", "Asked about pricing", "agent-7"));
        send(new SetCustomField(SOURCE, "plan", "free"));
        send(new SetCustomField(SOURCE, "seats", "12"));

        gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));

        ContactMerged taken = last(SURVIVOR, ContactMerged.class);
        assertThat(taken.tags()).containsExactly("new york");
        assertThat(taken.customFields()).isEqualTo(Map.of("seats", "12"));
        assertThat(taken.notes()).singleElement().satisfies(note -> {
            assertThat(note.noteId()).isEqualTo("n-1");
            assertThat(note.author()).isEqualTo("agent-7");
            assertThat(note.text()).isEqualTo("Asked about pricing");
            assertThat(note.writtenAt()).isNotNull();
        });
    }

    @Test
    void theSourcesCustomerIdMovesAndTheTypeBecomesTheMoreAdvanced() {
        send(new LinkCustomerId(SOURCE, "CUST-9"));

        ContactState merged = gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));

        assertThat(merged.type()).isEqualTo(ContactType.CUSTOMER);
        assertThat(last(SURVIVOR, ContactMerged.class).customerId()).isEqualTo("CUST-9");
        assertThat(claims).containsEntry("CUST-9", "lead");
    }

    @Test
    void twoDifferentCustomerIdsAreRefusedAndNothingIsRecorded() {
        send(new LinkCustomerId(SURVIVOR, "CUST-1"));
        send(new LinkCustomerId(SOURCE, "CUST-2"));
        long survivorEvents = events(SURVIVOR).size();
        long sourceEvents = events(SOURCE).size();

        assertThatThrownBy(() -> gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE))).isInstanceOf(MergeRefused.class);

        assertThat(events(SURVIVOR)).hasSize((int) survivorEvents);
        assertThat(events(SOURCE)).hasSize((int) sourceEvents);
        assertThat(claims).containsEntry("CUST-2", "guest");
    }

    @Test
    void moreThanAHundredTagsTogetherAreRefused() {
        for (int i = 0; i < 60; i++) {
            send(new AddTag(SURVIVOR, "s" + i));
            send(new AddTag(SOURCE, "g" + i));
        }

        assertThatThrownBy(() -> gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE)))
                .isInstanceOf(MergeRefused.class).hasMessageContaining("120 tags");
        assertThat(events(SOURCE)).noneMatch(e -> e.getPayload() instanceof ContactMergedInto);
    }

    @Test
    void aContactIsNotMergedIntoItselfNorMergedTwiceAndAMergedSourceRefusesCommands() {
        assertThatThrownBy(() -> gateway.sendAndWait(new MergeContacts(SURVIVOR, SURVIVOR))).isInstanceOf(MergeRefused.class);
        gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));

        assertThatThrownBy(() -> gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE))).isInstanceOf(MergeRefused.class);
        assertThatThrownBy(() -> gateway.sendAndWait(new MergeContacts(SOURCE, SURVIVOR))).isInstanceOf(MergeRefused.class);
        assertThatThrownBy(() -> gateway.sendAndWait(new AddTag(SOURCE, "late")))
                .isInstanceOfSatisfying(ContactMergedAway.class, e -> assertThat(e.survivorId()).isEqualTo("lead"));
    }

    @Test
    void aPreviewShowsTheMergedSurvivorAndRecordsNothing() {
        send(new LeaveDetails(SOURCE, new DetailsInput("Sam", "sam@example.com", null, null, null)));
        send(new AddTag(SOURCE, "vip"));
        int before = events(SURVIVOR).size() + events(SOURCE).size();

        MergePreview preview = gateway.sendAndWait(new PreviewMerge(SURVIVOR, SOURCE));

        assertThat(preview.name()).isEqualTo("Sam");
        assertThat(preview.type()).isEqualTo(ContactType.LEAD);
        assertThat(preview.tags()).containsExactly("vip");
        assertThat(events(SURVIVOR).size() + events(SOURCE).size()).isEqualTo(before);
    }

    private void send(Object command) {
        gateway.sendAndWait(command);
    }

    private List<DomainEventMessage<?>> events(ContactRef contact) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        store.readEvents(contact.toString()).forEachRemaining(events::add);
        return events;
    }

    private <T> T last(ContactRef contact, Class<T> type) {
        List<DomainEventMessage<?>> events = events(contact);
        return type.cast(events.get(events.size() - 1).getPayload());
    }
}
