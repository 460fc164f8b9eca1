package io.contactledger.command.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.command.contact.ContactCommands.AddTag;
import io.contactledger.command.contact.ContactCommands.CreateContact;
import io.contactledger.command.contact.ContactCommands.LeaveDetails;
import io.contactledger.command.contact.ContactCommands.LinkCustomerId;
import io.contactledger.command.contact.ContactWasErased;
import io.contactledger.command.contact.MergeRefused;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.merge.MergingForTests;
import io.contactledger.command.testing.InMemoryContacts;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactErased;
import org.junit.jupiter.api.Test;

/**
 * The rules of erasure (DESIGN §9), as specifications on the real command handling: the contact
 * records ContactErased and its stored personal data is shredded; a merged pair is one person and
 * is erased together; an erased contact takes no command again; asking twice records nothing more.
 */
class ErasureRulesTest {

    private static final String WS = "demo";
    private static final ContactRef LEAD = new ContactRef(WS, "lead");
    private static final ContactRef GUEST = new ContactRef(WS, "guest");
    private static final ContactRef OTHER = new ContactRef(WS, "other");

    private final List<String> shredded = new ArrayList<>();
    private final InMemoryContacts contacts = new InMemoryContacts((repository, registry) -> List.of(
            new ContactErasing(repository, contact -> {
                shredded.add(contact.contactId());
                registry.release(contact);
            }),
            MergingForTests.handler(repository, registry)));

    ErasureRulesTest() {
        contacts.send(new CreateContact(LEAD, Channel.API, null, null));
        contacts.send(new CreateContact(GUEST, Channel.WIDGET, null, null));
        contacts.send(new CreateContact(OTHER, Channel.WIDGET, null, null));
    }

    @Test
    void anErasedContactRecordsContactErasedLosesItsClaimAndTakesNoCommandAgain() {
        // given a contact with details and a customer ID
        contacts.send(new LeaveDetails(LEAD, new DetailsInput("Ada", "ada@example.com", null, null, null)));
        contacts.send(new LinkCustomerId(LEAD, "CUST-1"));

        // when it is erased
        Erasure erasure = contacts.send(new EraseContact(LEAD));

        // then it records ContactErased, its stored data is shredded and its claim released
        assertThat(erasure.erased()).isTrue();
        assertThat(erasure.contacts()).containsExactly("lead");
        assertThat(contacts.last(LEAD, ContactErased.class).requestedFor()).isEqualTo("lead");
        assertThat(shredded).containsExactly("lead");
        assertThat(contacts.claims).doesNotContainKey("CUST-1");
        // and every later command is refused, a merge included
        assertThatThrownBy(() -> contacts.send(new AddTag(LEAD, "vip"))).isInstanceOf(ContactWasErased.class);
        assertThatThrownBy(() -> contacts.send(MergingForTests.merge(LEAD, OTHER))).isInstanceOf(ContactWasErased.class);
        assertThatThrownBy(() -> contacts.send(MergingForTests.merge(OTHER, LEAD))).isInstanceOf(ContactWasErased.class);
        // and the customer ID is free for another contact
        contacts.send(new LinkCustomerId(OTHER, "CUST-1"));
    }

    @Test
    void erasingTwiceRecordsNothingMore() {
        contacts.send(new EraseContact(LEAD));
        int events = contacts.events(LEAD).size();

        Erasure again = contacts.send(new EraseContact(LEAD));

        assertThat(again.erased()).isFalse();
        assertThat(again.contacts()).containsExactly("lead");
        assertThat(contacts.events(LEAD)).hasSize(events);
    }

    @Test
    void aMergedPairIsErasedTogetherWhicheverIsAskedFor() {
        contacts.send(MergingForTests.merge(LEAD, GUEST));

        Erasure erasure = contacts.send(new EraseContact(GUEST));

        assertThat(erasure.contacts()).containsExactlyInAnyOrder("guest", "lead");
        assertThat(contacts.last(LEAD, ContactErased.class).requestedFor()).isEqualTo("guest");
        assertThat(contacts.last(GUEST, ContactErased.class).requestedFor()).isEqualTo("guest");
        assertThat(contacts.last(OTHER, Object.class)).isNotInstanceOf(ContactErased.class);
        assertThat(shredded).containsExactlyInAnyOrder("guest", "lead");
    }

    @Test
    void anUnmergedPairIsTwoPeopleAgain() {
        contacts.send(MergingForTests.merge(LEAD, GUEST));
        contacts.send(MergingForTests.unmerge(LEAD, GUEST));

        Erasure erasure = contacts.send(new EraseContact(LEAD));

        assertThat(erasure.contacts()).containsExactly("lead");
        assertThat(contacts.last(GUEST, Object.class)).isNotInstanceOf(ContactErased.class);
        assertThatThrownBy(() -> contacts.send(MergingForTests.unmerge(LEAD, GUEST))).isInstanceOfAny(ContactWasErased.class,
                MergeRefused.class);
    }
}
