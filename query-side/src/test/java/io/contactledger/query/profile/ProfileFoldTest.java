package io.contactledger.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.contactledger.events.Channel;
import io.contactledger.events.ContactCreated;
import io.contactledger.events.ContactPromoted;
import io.contactledger.events.ContactType;
import io.contactledger.events.CustomFieldCleared;
import io.contactledger.events.CustomFieldSet;
import io.contactledger.events.CustomerIdLinked;
import io.contactledger.events.DetailsLeft;
import io.contactledger.events.NoteDeleted;
import io.contactledger.events.NoteEdited;
import io.contactledger.events.NoteWritten;
import io.contactledger.events.TagAdded;
import io.contactledger.events.TagRemoved;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** The fold, event by event: given a history, when folded, then the profile says exactly this. */
class ProfileFoldTest {

    private static final String WS = "demo";
    private static final String ID = "c-1";
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    private ProfileFoldTest given(Object... payloads) {
        for (Object payload : payloads) {
            int seq = history.size();
            history.add(new GenericDomainEventMessage<>("Contact", WS + "/" + ID, seq, payload, Map.of(),
                    UUID.randomUUID().toString(), T0.plusSeconds(seq * 60L)));
        }
        return this;
    }

    private ContactProfile folded() {
        return ProfileFold.replay(history);
    }

    private static Instant minute(int n) {
        return T0.plusSeconds(n * 60L);
    }

    @Test
    void contactCreatedStartsAGuestProfile() {
        ContactProfile profile = given(new ContactCreated(WS, ID, Channel.WIDGET, "GB", "Europe/London")).folded();

        assertThat(profile.type()).isEqualTo(ContactType.GUEST);
        assertThat(profile.country()).isEqualTo("GB");
        assertThat(profile.timezone()).isEqualTo("Europe/London");
        assertThat(profile.createdAt()).isEqualTo(T0);
        assertThat(profile.updatedAt()).isEqualTo(T0);
        assertThat(profile.version()).isZero();
        assertThat(profile.tags()).isEmpty();
        assertThat(profile.notes()).isEmpty();
    }

    @Test
    void detailsLeftOverlaysOnlyTheFieldsItCarries() {
        ContactProfile profile = given(new ContactCreated(WS, ID, Channel.WIDGET, "GB", null),
                new DetailsLeft(WS, ID, "Ada", "ada@example.com", null, null, null),
                new DetailsLeft(WS, ID, null, null, "+442071838750", null, "Europe/London")).folded();

        assertThat(profile.name()).isEqualTo("Ada");
        assertThat(profile.email()).isEqualTo("ada@example.com");
        assertThat(profile.phone()).isEqualTo("+442071838750");
        assertThat(profile.country()).isEqualTo("GB");
        assertThat(profile.timezone()).isEqualTo("Europe/London");
        assertThat(profile.version()).isEqualTo(2);
        assertThat(profile.updatedAt()).isEqualTo(minute(2));
    }

    @Test
    void theTypeChangesOnlyWithContactPromoted() {
        given(new ContactCreated(WS, ID, Channel.WIDGET, null, null),
                new DetailsLeft(WS, ID, "Ada", "ada@example.com", null, null, null));
        assertThat(folded().type()).as("no rule is re-derived on the query side").isEqualTo(ContactType.GUEST);

        given(new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD));
        assertThat(folded().type()).isEqualTo(ContactType.LEAD);
    }

    @Test
    void promotionsApplyInTheOrderTheyHappened() {
        ContactProfile profile = given(new ContactCreated(WS, ID, Channel.API, null, null),
                new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD),
                new CustomerIdLinked(WS, ID, "CUST-1"),
                new ContactPromoted(WS, ID, ContactType.LEAD, ContactType.CUSTOMER)).folded();

        assertThat(profile.type()).isEqualTo(ContactType.CUSTOMER);
        assertThat(profile.customerId()).isEqualTo("CUST-1");
    }

    @Test
    void tagsAreKeptSortedAndARemovedTagCanComeBack() {
        ContactProfile profile = given(new ContactCreated(WS, ID, Channel.API, null, null),
                new TagAdded(WS, ID, "vip"), new TagAdded(WS, ID, "bug"),
                new TagRemoved(WS, ID, "vip"), new TagAdded(WS, ID, "vip")).folded();

        assertThat(profile.tags()).containsExactly("bug", "vip");
        assertThat(profile.version()).isEqualTo(4);
    }

    @Test
    void aNoteRecordsItsAuthorAndTimesAndAnEditKeepsWrittenAt() {
        ContactProfile profile = given(new ContactCreated(WS, ID, Channel.API, null, null),
                new NoteWritten(WS, ID, "n-1", "first", "agent-7"),
                new NoteEdited(WS, ID, "n-1", "second")).folded();

        Note note = profile.notes().get(0);
        assertThat(note.text()).isEqualTo("second");
        assertThat(note.author()).isEqualTo("agent-7");
        assertThat(note.writtenAt()).isEqualTo(minute(1));
        assertThat(note.editedAt()).isEqualTo(minute(2));
    }

    @Test
    void aNoteEditedThenDeletedIsGoneWhileOthersStayInOrder() {
        ContactProfile profile = given(new ContactCreated(WS, ID, Channel.API, null, null),
                new NoteWritten(WS, ID, "n-1", "one", "a"), new NoteWritten(WS, ID, "n-2", "two", "b"),
                new NoteWritten(WS, ID, "n-3", "three", "c"),
                new NoteEdited(WS, ID, "n-2", "two!"), new NoteDeleted(WS, ID, "n-2")).folded();

        assertThat(profile.notes()).extracting(Note::noteId).containsExactly("n-1", "n-3");
    }

    @Test
    void customFieldsAreSetReplacedAndCleared() {
        ContactProfile profile = given(new ContactCreated(WS, ID, Channel.API, null, null),
                new CustomFieldSet(WS, ID, "plan", "free"), new CustomFieldSet(WS, ID, "seats", "3"),
                new CustomFieldSet(WS, ID, "plan", "pro"), new CustomFieldCleared(WS, ID, "seats")).folded();

        assertThat(profile.customFields()).containsExactly(Map.entry("plan", "pro"));
    }

    @Test
    void eventsBeforeCreationFoldToNothing() {
        ContactProfile profile = given(new TagAdded(WS, ID, "vip")).folded();

        assertThat(profile).isNull();
    }

    @Test
    void theFoldIsPureTheSameHistoryGivesAnEqualProfile() {
        given(new ContactCreated(WS, ID, Channel.API, "DE", "Europe/Berlin"), new TagAdded(WS, ID, "vip"),
                new NoteWritten(WS, ID, "n-1", "x", "a"), new CustomFieldSet(WS, ID, "plan", "pro"));

        assertThat(ProfileFold.replay(history)).isEqualTo(ProfileFold.replay(List.copyOf(history)));
    }

    @Test
    void everyKindOfContactEventChangesTheProfile() {
        // given a profile with something of everything an event can change
        given(new ContactCreated(WS, ID, Channel.WIDGET, null, null), new DetailsLeft(WS, ID, "Ada", null, null, null, null),
                new TagAdded(WS, ID, "vip"), new NoteWritten(WS, ID, "n-1", "first", "agent-7"),
                new CustomFieldSet(WS, ID, "plan", "free"));
        ContactProfile base = folded();
        Map<Class<?>, Object> samples = Map.ofEntries(
                Map.entry(ContactCreated.class, new ContactCreated(WS, ID, Channel.API, "DE", null)),
                Map.entry(DetailsLeft.class, new DetailsLeft(WS, ID, "Grace", null, null, null, null)),
                Map.entry(ContactPromoted.class, new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD)),
                Map.entry(CustomerIdLinked.class, new CustomerIdLinked(WS, ID, "CUST-1")),
                Map.entry(TagAdded.class, new TagAdded(WS, ID, "bug")),
                Map.entry(TagRemoved.class, new TagRemoved(WS, ID, "vip")),
                Map.entry(NoteWritten.class, new NoteWritten(WS, ID, "n-2", "second", "agent-7")),
                Map.entry(NoteEdited.class, new NoteEdited(WS, ID, "n-1", "first, edited")),
                Map.entry(NoteDeleted.class, new NoteDeleted(WS, ID, "n-1")),
                Map.entry(CustomFieldSet.class, new CustomFieldSet(WS, ID, "plan", "pro")),
                Map.entry(CustomFieldCleared.class, new CustomFieldCleared(WS, ID, "plan")),
                Map.entry(io.contactledger.events.ContactMerged.class, new io.contactledger.events.ContactMerged(WS, ID, "other",
                        null, "ada@example.com", null, null, null, null, List.of("merged"), List.of(), Map.of(),
                        ContactType.GUEST, ContactType.LEAD)),
                Map.entry(io.contactledger.events.ContactMergedInto.class, new io.contactledger.events.ContactMergedInto(WS, ID, "survivor")),
                Map.entry(io.contactledger.events.ContactUnmerged.class, new io.contactledger.events.ContactUnmerged(WS, ID, ID, "other",
                        List.of("name"), false, List.of("vip"), List.of("n-1"), List.of("plan"), null, null)),
                Map.entry(io.contactledger.events.ContactErased.class, new io.contactledger.events.ContactErased(WS, ID, ID)));

        assertThat(io.contactledger.events.ContactEvent.class.isSealed()).isTrue();
        for (Class<?> type : io.contactledger.events.ContactEvent.class.getPermittedSubclasses()) {
            // when the fold meets an event of that kind
            assertThat(samples).as("a sample of " + type.getSimpleName() + " (a new event needs one here)").containsKey(type);
            DomainEventMessage<?> event = new GenericDomainEventMessage<>("Contact", WS + "/" + ID, history.size(),
                    samples.get(type), Map.of(), UUID.randomUUID().toString(), minute(99));
            ContactProfile after = ProfileFold.apply(base, event);

            // then the profile differs in more than its version and time
            assertThat(withoutVersion(after)).as(type.getSimpleName() + " is folded").isNotEqualTo(withoutVersion(base));
        }
    }

    private static ContactProfile withoutVersion(ContactProfile p) {
        return new ContactProfile(p.workspaceId(), p.contactId(), p.type(), p.name(), p.email(), p.phone(), p.country(),
                p.timezone(), p.customerId(), p.tags(), p.customFields(), p.notes(), p.createdAt(), null, 0, p.mergedInto(),
                p.erased());
    }
}
