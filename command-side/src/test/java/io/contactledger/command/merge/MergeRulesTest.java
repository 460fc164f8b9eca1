package io.contactledger.command.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.contactledger.command.contact.ContactCommands.AddTag;
import io.contactledger.command.contact.ContactCommands.CreateContact;
import io.contactledger.command.contact.ContactCommands.LeaveDetails;
import io.contactledger.command.contact.ContactCommands.LinkCustomerId;
import io.contactledger.command.contact.ContactCommands.RemoveTag;
import io.contactledger.command.contact.ContactCommands.SetCustomField;
import io.contactledger.command.contact.ContactCommands.WriteNote;
import io.contactledger.command.contact.ContactMergedAway;
import io.contactledger.command.contact.ContactState;
import io.contactledger.command.contact.MergePreview;
import io.contactledger.command.contact.MergeRefused;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.testing.InMemoryContacts;
import io.contactledger.command.merge.MergeCommands.MergeContacts;
import io.contactledger.command.merge.MergeCommands.PreviewMerge;
import io.contactledger.command.merge.MergeCommands.UnmergeContacts;
import io.contactledger.command.contact.ContactCommands.EditNote;
import io.contactledger.events.ContactUnmerged;
import java.time.Duration;
import java.time.Instant;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactMerged;
import io.contactledger.events.ContactMergedInto;
import io.contactledger.events.ContactType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The rules of a merge (DESIGN §9), as specifications on the real command handling over an
 * in-memory store: the survivor keeps its values and fills its blanks from the source, takes the
 * more advanced type, the union of tags (at most 100), copies of the notes with their authors and
 * times, the custom-field values it lacks and the source's customer ID; both events or neither.
 * An unmerge, within 30 days, takes back exactly what the merge gave and is unchanged since.
 */
class MergeRulesTest {

    private static final String WS = "demo";
    private static final ContactRef SURVIVOR = new ContactRef(WS, "lead");
    private static final ContactRef SOURCE = new ContactRef(WS, "guest");

    private final InMemoryContacts contacts = new InMemoryContacts(
            (repository, registry) -> List.of(new ContactMerging(repository, registry)));
    private final Map<String, String> claims = contacts.claims;
    private final CommandGateway gateway = contacts.gateway;

    MergeRulesTest() {
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

    @Test
    void anUnmergeTakesBackExactlyWhatTheMergeGaveAndNothingChangedSince() {
        // given a survivor with a name, merged with a source that had an email, a phone, a tag, a note, a field and a customer ID
        send(new LeaveDetails(SURVIVOR, new DetailsInput("Sam Lead", null, null, null, null)));
        send(new LeaveDetails(SOURCE, new DetailsInput(null, "sam@example.com", "+44 20 7946 0123", null, null)));
        send(new AddTag(SOURCE, "new york"));
        send(new AddTag(SOURCE, "trial"));
        send(new WriteNote(SOURCE, "n-1", "Asked about pricing", "agent-7"));
        send(new SetCustomField(SOURCE, "seats", "12"));
        send(new LinkCustomerId(SOURCE, "CUST-9"));
        gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));
        // and, since, an agent corrected the phone, re-added one tag and edited the note on the survivor
        send(new LeaveDetails(SURVIVOR, new DetailsInput(null, null, "+44 20 7946 0999", null, null)));
        send(new RemoveTag(SURVIVOR, "trial"));
        send(new AddTag(SURVIVOR, "trial"));
        send(new EditNote(SURVIVOR, "n-1", "Asked about pricing; called back"));

        // when the merge is undone
        ContactState after = gateway.sendAndWait(new UnmergeContacts(SURVIVOR, SOURCE, Instant.now()));

        // then the survivor gives back the email, the untouched tag, the field and the customer ID, and keeps what changed since
        ContactUnmerged givenBack = last(SURVIVOR, ContactUnmerged.class);
        assertThat(givenBack.details()).as("the timezone came with the source's phone").containsExactly("email", "timezone");
        assertThat(givenBack.customerId()).isTrue();
        assertThat(givenBack.tags()).containsExactly("new york");
        assertThat(givenBack.noteIds()).isEmpty();
        assertThat(givenBack.customFields()).containsExactly("seats");
        // and its type, reached only through the merge (the customer ID), goes back to what the rest earns
        assertThat(givenBack.typeBefore()).isEqualTo(ContactType.CUSTOMER);
        assertThat(givenBack.typeAfter()).isEqualTo(ContactType.LEAD);
        assertThat(after.type()).isEqualTo(ContactType.LEAD);
        // and the source is itself again: its claim is back and it takes commands
        assertThat(last(SOURCE, ContactUnmerged.class).survivorId()).isEqualTo("lead");
        assertThat(claims).containsEntry("CUST-9", "guest");
        send(new AddTag(SOURCE, "back"));
    }

    @Test
    void aTypeEarnedAgainSinceTheMergeStays() {
        send(new LeaveDetails(SURVIVOR, new DetailsInput("Sam", null, null, null, null)));
        send(new LeaveDetails(SOURCE, new DetailsInput(null, "sam@example.com", null, null, null)));
        gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));
        // the survivor became a LEAD through the merge, then earned it again with a phone of its own
        send(new LeaveDetails(SURVIVOR, new DetailsInput(null, null, "+44 20 7946 0123", null, null)));

        ContactState after = gateway.sendAndWait(new UnmergeContacts(SURVIVOR, SOURCE, Instant.now()));

        assertThat(after.type()).isEqualTo(ContactType.LEAD);
        assertThat(last(SURVIVOR, ContactUnmerged.class).typeAfter()).isNull();
    }

    @Test
    void anUnmergeAfterThirtyDaysOrOfAnotherContactIsRefusedAndRecordsNothing() {
        gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));
        int before = events(SURVIVOR).size() + events(SOURCE).size();

        assertThatThrownBy(() -> gateway.sendAndWait(new UnmergeContacts(SURVIVOR, SOURCE,
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(60))))
                .isInstanceOf(MergeRefused.class).hasMessageContaining("30 days");
        assertThatThrownBy(() -> gateway.sendAndWait(new UnmergeContacts(SOURCE, SURVIVOR, Instant.now())))
                .isInstanceOf(MergeRefused.class);
        assertThat(events(SURVIVOR).size() + events(SOURCE).size()).isEqualTo(before);

        // within the window it works, once; the source can then be merged again
        gateway.sendAndWait(new UnmergeContacts(SURVIVOR, SOURCE, Instant.now().plus(Duration.ofDays(29))));
        assertThatThrownBy(() -> gateway.sendAndWait(new UnmergeContacts(SURVIVOR, SOURCE, Instant.now())))
                .isInstanceOf(MergeRefused.class);
        gateway.sendAndWait(new MergeContacts(SURVIVOR, SOURCE));
        assertThat(last(SOURCE, ContactMergedInto.class).survivorId()).isEqualTo("lead");
    }

    private void send(Object command) {
        gateway.sendAndWait(command);
    }

    private List<DomainEventMessage<?>> events(ContactRef contact) {
        return contacts.events(contact);
    }

    private <T> T last(ContactRef contact, Class<T> type) {
        return contacts.last(contact, type);
    }
}
