package io.contactledger.command.contact;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.claims.CustomerIdAlreadyLinked;
import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.claims.CustomerIdRules;
import io.contactledger.command.contact.ContactCommands.AddTag;
import io.contactledger.command.contact.ContactCommands.ClearCustomField;
import io.contactledger.command.contact.ContactCommands.CreateContact;
import io.contactledger.command.contact.ContactCommands.DeleteNote;
import io.contactledger.command.contact.ContactCommands.EditNote;
import io.contactledger.command.contact.ContactCommands.LeaveDetails;
import io.contactledger.command.contact.ContactCommands.LinkCustomerId;
import io.contactledger.command.contact.ContactCommands.RemoveTag;
import io.contactledger.command.contact.ContactCommands.SetCustomField;
import io.contactledger.command.contact.ContactCommands.WriteNote;
import io.contactledger.command.details.Details;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.details.DetailsRules;
import io.contactledger.command.details.SingleClockZones;
import io.contactledger.command.fields.CustomFieldCatalog;
import io.contactledger.command.fields.FieldDefinition;
import io.contactledger.command.fields.FieldValueRules;
import io.contactledger.command.notes.NoteNotFound;
import io.contactledger.command.notes.NoteRules;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.command.violations.Violations;
import io.contactledger.command.tags.TagRules;
import io.contactledger.events.ContactCreated;
import io.contactledger.events.ContactErased;
import io.contactledger.events.ContactUnmerged;
import io.contactledger.events.ContactMerged;
import io.contactledger.events.ContactMergedInto;
import io.contactledger.events.MergedNote;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One contact of one workspace, event-sourced. Every business rule about a contact is decided
 * here: what its details normalize to, when it is promoted, which tags, notes and custom data it
 * holds. A command that would change nothing emits nothing.
 */
@Aggregate(cache = "contactCache", snapshotTriggerDefinition = "contactSnapshots")
public class Contact {

    @AggregateIdentifier
    private String streamId;
    private ContactRef ref;
    private ContactType type;
    private Details details;
    private String customerId;
    private final Set<String> tags = new HashSet<>();
    private final Map<String, NoteState> notes = new HashMap<>();
    private final Map<String, String> customFields = new HashMap<>();
    /** Set once the contact was merged into another: every command is refused from then on, until an unmerge. */
    private String mergedInto;
    /** What each merge into this contact gave it and is unchanged since, by source. */
    private final Map<String, MergeGift> gifts = new HashMap<>();
    /** Set once its personal data was erased: every command is refused for good. */
    private boolean erased;

    /** How long a merge can be undone (DESIGN §9). */
    public static final Duration UNMERGE_WINDOW = Duration.ofDays(30);

    protected Contact() {
        // for event sourcing
    }

    @CommandHandler
    public Contact(CreateContact command) {
        Details place = DetailsRules.normalize(
                new DetailsInput(null, null, null, command.country(), command.timezone()), null);
        String timezone = place.timezone() != null ? place.timezone()
                : SingleClockZones.of(place.country()).orElse(null);
        apply(new ContactCreated(command.contact().workspaceId(), command.contact().contactId(),
                command.channel(), place.country(), timezone));
    }

    @CommandHandler
    public ContactState handle(LeaveDetails command) {
        requireActive();
        Details normalized = DetailsRules.normalize(command.details(), details.country());
        Details next = details.overlaidWith(normalized);
        if (next.timezone() == null) {
            next = next.overlaidWith(new Details(null, null, null, null, derivedTimezone(next)));
        }
        Details changed = details.changesTo(next);
        if (!changed.isEmpty()) {
            apply(new DetailsLeft(ref.workspaceId(), ref.contactId(), changed.name(), changed.email(),
                    changed.phone(), changed.country(), changed.timezone()));
            promoteIfEarned();
        }
        return state();
    }

    @CommandHandler
    public ContactState handle(LinkCustomerId command, CustomerIdRegistry registry) {
        requireActive();
        Violations violations = new Violations();
        String requested = CustomerIdRules.check(command.customerId(), violations);
        violations.throwIfAny();
        if (requested.equals(customerId)) {
            return state();
        }
        if (customerId != null) {
            throw new CustomerIdAlreadyLinked(ref.contactId());
        }
        registry.claim(ref, requested);
        apply(new CustomerIdLinked(ref.workspaceId(), ref.contactId(), requested));
        promoteIfEarned();
        return state();
    }

    @CommandHandler
    public ContactState handle(AddTag command) {
        requireActive();
        Violations violations = new Violations();
        String tag = TagRules.normalize(command.tag(), violations);
        violations.throwIfAny();
        if (!tags.contains(tag)) {
            TagRules.checkRoomForOneMore(tags);
            apply(new TagAdded(ref.workspaceId(), ref.contactId(), tag));
        }
        return state();
    }

    @CommandHandler
    public ContactState handle(RemoveTag command) {
        requireActive();
        Violations violations = new Violations();
        String tag = TagRules.normalize(command.tag(), violations);
        violations.throwIfAny();
        if (tags.contains(tag)) {
            apply(new TagRemoved(ref.workspaceId(), ref.contactId(), tag));
        }
        return state();
    }

    @CommandHandler
    public ContactState handle(WriteNote command) {
        requireActive();
        Violations violations = new Violations();
        NoteRules.checkText(command.text(), violations);
        NoteRules.checkAuthor(command.author(), violations);
        violations.throwIfAny();
        apply(new NoteWritten(ref.workspaceId(), ref.contactId(), command.noteId(), command.text(),
                command.author().strip()));
        return state();
    }

    @CommandHandler
    public ContactState handle(EditNote command) {
        requireActive();
        String current = existingNote(command.noteId());
        Violations violations = new Violations();
        NoteRules.checkText(command.text(), violations);
        violations.throwIfAny();
        if (!command.text().equals(current)) {
            apply(new NoteEdited(ref.workspaceId(), ref.contactId(), command.noteId(), command.text()));
        }
        return state();
    }

    @CommandHandler
    public ContactState handle(DeleteNote command) {
        requireActive();
        existingNote(command.noteId());
        apply(new NoteDeleted(ref.workspaceId(), ref.contactId(), command.noteId()));
        return state();
    }

    @CommandHandler
    public ContactState handle(SetCustomField command, CustomFieldCatalog catalog) {
        requireActive();
        FieldDefinition field = catalog.find(ref.workspaceId(), command.key())
                .orElseThrow(() -> new RulesBroken("key", "custom field '" + command.key() + "' is not defined in this workspace"));
        Violations violations = new Violations();
        String value = FieldValueRules.canonical(field, command.value(), violations);
        violations.throwIfAny();
        if (!value.equals(customFields.get(field.key()))) {
            apply(new CustomFieldSet(ref.workspaceId(), ref.contactId(), field.key(), value));
        }
        return state();
    }

    @CommandHandler
    public ContactState handle(ClearCustomField command) {
        requireActive();
        if (customFields.containsKey(command.key())) {
            apply(new CustomFieldCleared(ref.workspaceId(), ref.contactId(), command.key()));
        }
        return state();
    }

    /** Emits the promotion the contact has earned, if it is a step forward. */
    private void promoteIfEarned() {
        ContactType earned = TypeRule.earned(details.name(), details.email(), details.phone(), customerId);
        if (type.isBefore(earned)) {
            apply(new ContactPromoted(ref.workspaceId(), ref.contactId(), type, earned));
        }
    }

    /** The zone of the contact's country, else of its phone's region, when that region keeps one clock. */
    private static String derivedTimezone(Details details) {
        return SingleClockZones.of(details.country())
                .or(() -> SingleClockZones.of(DetailsRules.phoneRegion(details.phone())))
                .orElse(null);
    }

    private String existingNote(String noteId) {
        NoteState note = notes.get(noteId);
        if (note == null) {
            throw new NoteNotFound(noteId);
        }
        return note.text();
    }

    private void requireActive() {
        if (erased) {
            throw new ContactWasErased(ref.contactId());
        }
        if (mergedInto != null) {
            throw new ContactMergedAway(ref.contactId(), mergedInto);
        }
    }

    // ---- merging (DESIGN §9): decided here, both contacts loaded by the merge's handler ----------

    /** What this contact offers as a merge's source; a contact merged before offers nothing. */
    public MergeSource asMergeSource() {
        if (erased) {
            throw new ContactWasErased(ref.contactId());
        }
        if (mergedInto != null) {
            throw new MergeRefused("contact " + ref.contactId() + " was merged into " + mergedInto + " before");
        }
        List<MergedNote> copies = notes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(n -> new MergedNote(n.getKey(), n.getValue().text(), n.getValue().author(),
                        n.getValue().writtenAt() == null ? null : n.getValue().writtenAt().toString(),
                        n.getValue().editedAt() == null ? null : n.getValue().editedAt().toString()))
                .toList();
        return new MergeSource(ref.contactId(), type, details, customerId, Set.copyOf(tags), copies, Map.copyOf(customFields));
    }

    /** Takes from the source what DESIGN §9 gives the survivor, moving the source's customer ID in this transaction. */
    public ContactState mergeFrom(MergeSource source, CustomerIdRegistry claims) {
        ContactMerged taken = taking(source);
        if (taken.customerId() != null) {
            claims.transfer(ref.workspaceId(), taken.customerId(), source.contactId(), ref.contactId());
        }
        apply(taken);
        return state();
    }

    /** The survivor as the merge would leave it; records nothing. */
    public MergePreview previewMerge(MergeSource source) {
        ContactMerged taken = taking(source);
        Details after = details.overlaidWith(new Details(taken.name(), taken.email(), taken.phone(), taken.country(), taken.timezone()));
        java.util.TreeSet<String> allTags = new java.util.TreeSet<>(tags);
        allTags.addAll(taken.tags());
        Map<String, String> fields = new java.util.TreeMap<>(customFields);
        fields.putAll(taken.customFields());
        List<MergedNote> allNotes = new java.util.ArrayList<>(asMergeSource().notes());
        allNotes.addAll(taken.notes());
        return new MergePreview(ref.contactId(), taken.typeAfter(), after.name(), after.email(), after.phone(), after.country(),
                after.timezone(), taken.customerId() != null ? taken.customerId() : customerId, List.copyOf(allTags), fields,
                allNotes, taken);
    }

    /** This contact, the source, now lives on in the survivor. */
    public void mergeInto(String survivorId) {
        requireActive();
        apply(new ContactMergedInto(ref.workspaceId(), ref.contactId(), survivorId));
    }

    private ContactMerged taking(MergeSource source) {
        if (source.contactId().equals(ref.contactId())) {
            throw new MergeRefused("a contact cannot be merged into itself");
        }
        requireActiveFor("merged into");
        if (mergedInto != null) {
            throw new MergeRefused("contact " + ref.contactId() + " was merged into " + mergedInto + " before");
        }
        if (customerId != null && source.customerId() != null && !customerId.equals(source.customerId())) {
            throw new MergeRefused("the contacts have different customer IDs (" + customerId + ", " + source.customerId() + ")");
        }
        Details theirs = source.details();
        Details gifts = new Details(details.name() == null ? theirs.name() : null, details.email() == null ? theirs.email() : null,
                details.phone() == null ? theirs.phone() : null, details.country() == null ? theirs.country() : null,
                details.timezone() == null ? theirs.timezone() : null);
        List<String> newTags = source.tags().stream().filter(tag -> !tags.contains(tag)).sorted().toList();
        if (tags.size() + newTags.size() > TagRules.MAX_TAGS_PER_CONTACT) {
            throw new MergeRefused("together the contacts have " + (tags.size() + newTags.size()) + " tags; a contact holds at most "
                    + TagRules.MAX_TAGS_PER_CONTACT);
        }
        List<MergedNote> copies = source.notes().stream().filter(note -> !notes.containsKey(note.noteId())).toList();
        Map<String, String> fields = new java.util.TreeMap<>();
        source.customFields().forEach((key, value) -> {
            if (!customFields.containsKey(key)) {
                fields.put(key, value);
            }
        });
        String movedId = customerId == null ? source.customerId() : null;
        Details after = details.overlaidWith(gifts);
        ContactType earned = TypeRule.earned(after.name(), after.email(), after.phone(), movedId != null ? movedId : customerId);
        ContactType typeAfter = later(later(type, source.type()), earned);
        return new ContactMerged(ref.workspaceId(), ref.contactId(), source.contactId(), gifts.name(), gifts.email(), gifts.phone(),
                gifts.country(), gifts.timezone(), movedId, newTags, copies, fields, type, typeAfter);
    }

    private void requireActiveFor(String what) {
        if (erased) {
            throw new ContactWasErased(ref.contactId());
        }
        if (mergedInto != null) {
            throw new MergeRefused("contact " + ref.contactId() + " was merged into " + mergedInto
                    + "; it cannot be " + what + " until that merge is undone");
        }
    }

    // ---- unmerging (DESIGN §9) --------------------------------------------------------------------

    /**
     * Gives back what the merge of {@code sourceId} gave this contact and is unchanged since, within
     * {@link #UNMERGE_WINDOW} of that merge; the customer ID's claim goes back in this transaction.
     * A type reached only through the merge goes back to what the rest still earns.
     */
    public ContactState giveBack(String sourceId, Instant now, CustomerIdRegistry claims) {
        requireActiveFor("unmerged");
        MergeGift gift = gifts.get(sourceId);
        if (gift == null) {
            throw new MergeRefused("contact " + sourceId + " is not merged into " + ref.contactId());
        }
        if (now.isAfter(gift.mergedAt().plus(UNMERGE_WINDOW))) {
            throw new MergeRefused("contact " + sourceId + " was merged into " + ref.contactId() + " at " + gift.mergedAt()
                    + ", more than " + UNMERGE_WINDOW.toDays() + " days ago; the merge can no longer be undone");
        }
        Details kept = new Details(gift.gaveDetail("name") ? null : details.name(), gift.gaveDetail("email") ? null : details.email(),
                gift.gaveDetail("phone") ? null : details.phone(), null, null);
        String keptCustomerId = gift.gaveCustomerId() ? null : customerId;
        ContactType typeBefore = null;
        ContactType typeAfter = null;
        if (gift.typeFromMerge()) {
            ContactType back = later(gift.typeBefore(), TypeRule.earned(kept.name(), kept.email(), kept.phone(), keptCustomerId));
            if (back.isBefore(type)) {
                typeBefore = type;
                typeAfter = back;
            }
        }
        if (gift.gaveCustomerId()) {
            claims.transfer(ref.workspaceId(), customerId, ref.contactId(), sourceId);
        }
        apply(new ContactUnmerged(ref.workspaceId(), ref.contactId(), ref.contactId(), sourceId, gift.details(),
                gift.gaveCustomerId(), gift.tags(), gift.noteIds(), gift.customFields(), typeBefore, typeAfter));
        return state();
    }

    /** This contact, a merge's source, is active again. */
    public void restoreFrom(String survivorId) {
        if (erased) {
            throw new ContactWasErased(ref.contactId());
        }
        if (!survivorId.equals(mergedInto)) {
            throw new MergeRefused("contact " + ref.contactId() + " is not merged into " + survivorId);
        }
        apply(ContactUnmerged.onSource(ref.workspaceId(), ref.contactId(), survivorId));
    }

    // ---- erasure (DESIGN §9) ----------------------------------------------------------------------

    /**
     * Records that this contact's personal data is erased, unless it was before; the store's side
     * (its key, its claim, its snapshots) is done by the erasure's handler in the same transaction.
     * Answers whether anything was recorded.
     */
    public boolean erase(String requestedFor) {
        if (erased) {
            return false;
        }
        apply(new ContactErased(ref.workspaceId(), ref.contactId(), requestedFor));
        return true;
    }

    /** The contacts merged with this one (the survivor it went into, the sources merged into it): erased with it. */
    public List<String> mergedWith() {
        List<String> pair = new ArrayList<>(gifts.keySet());
        if (mergedInto != null) {
            pair.add(mergedInto);
        }
        return pair;
    }

    private static ContactType later(ContactType a, ContactType b) {
        return a.isBefore(b) ? b : a;
    }

    private ContactState state() {
        return new ContactState(type, getVersion());
    }

    @EventSourcingHandler
    void on(ContactCreated event) {
        ref = new ContactRef(event.workspaceId(), event.contactId());
        streamId = ref.toString();
        type = ContactType.GUEST;
        details = new Details(null, null, null, event.country(), event.timezone());
    }

    @EventSourcingHandler
    void on(DetailsLeft event) {
        details = details.overlaidWith(new Details(event.name(), event.email(), event.phone(), event.country(), event.timezone()));
        List<String> changed = new ArrayList<>();
        if (event.name() != null) changed.add("name");
        if (event.email() != null) changed.add("email");
        if (event.phone() != null) changed.add("phone");
        if (event.country() != null) changed.add("country");
        if (event.timezone() != null) changed.add("timezone");
        gifts.values().forEach(gift -> gift.detailsChanged(changed));
    }

    @EventSourcingHandler
    void on(ContactPromoted event) {
        type = event.to();
        gifts.values().forEach(MergeGift::typeChanged);
    }

    @EventSourcingHandler
    void on(CustomerIdLinked event) {
        customerId = event.customerId();
    }

    @EventSourcingHandler
    void on(TagAdded event) {
        tags.add(event.tag());
        gifts.values().forEach(gift -> gift.tagChanged(event.tag()));
    }

    @EventSourcingHandler
    void on(TagRemoved event) {
        tags.remove(event.tag());
        gifts.values().forEach(gift -> gift.tagChanged(event.tag()));
    }

    @EventSourcingHandler
    void on(NoteWritten event, @Timestamp Instant at) {
        notes.put(event.noteId(), new NoteState(event.text(), event.author(), at, null));
    }

    @EventSourcingHandler
    void on(NoteEdited event, @Timestamp Instant at) {
        NoteState note = notes.get(event.noteId());
        notes.put(event.noteId(), new NoteState(event.text(), note == null ? null : note.author(),
                note == null ? at : note.writtenAt(), at));
        gifts.values().forEach(gift -> gift.noteChanged(event.noteId()));
    }

    @EventSourcingHandler
    void on(NoteDeleted event) {
        notes.remove(event.noteId());
        gifts.values().forEach(gift -> gift.noteChanged(event.noteId()));
    }

    @EventSourcingHandler
    void on(CustomFieldSet event) {
        customFields.put(event.key(), event.value());
        gifts.values().forEach(gift -> gift.customFieldChanged(event.key()));
    }

    @EventSourcingHandler
    void on(CustomFieldCleared event) {
        customFields.remove(event.key());
        gifts.values().forEach(gift -> gift.customFieldChanged(event.key()));
    }

    @EventSourcingHandler
    void on(ContactMerged event, @Timestamp Instant at) {
        if (event.typeAfter() != event.typeBefore()) {
            gifts.values().forEach(MergeGift::typeChanged);
        }
        gifts.put(event.sourceId(), MergeGift.of(event, at));
        details = details.overlaidWith(new Details(event.name(), event.email(), event.phone(), event.country(), event.timezone()));
        if (event.customerId() != null) {
            customerId = event.customerId();
        }
        tags.addAll(event.tags());
        for (MergedNote note : event.notes() == null ? List.<MergedNote>of() : event.notes()) {
            notes.put(note.noteId(), new NoteState(note.text(), note.author(),
                    note.writtenAt() == null ? null : Instant.parse(note.writtenAt()),
                    note.editedAt() == null ? null : Instant.parse(note.editedAt())));
        }
        if (event.customFields() != null) {
            customFields.putAll(event.customFields());
        }
        type = event.typeAfter();
    }

    @EventSourcingHandler
    void on(ContactMergedInto event) {
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(ContactUnmerged event) {
        if (!event.contactId().equals(event.survivorId())) {
            mergedInto = null;
            return;
        }
        gifts.remove(event.sourceId());
        List<String> given = event.details();
        details = new Details(given.contains("name") ? null : details.name(), given.contains("email") ? null : details.email(),
                given.contains("phone") ? null : details.phone(), given.contains("country") ? null : details.country(),
                given.contains("timezone") ? null : details.timezone());
        if (event.customerId()) {
            customerId = null;
        }
        event.tags().forEach(tags::remove);
        event.noteIds().forEach(notes::remove);
        event.customFields().forEach(customFields::remove);
        if (event.typeAfter() != null) {
            type = event.typeAfter();
        }
    }

    @EventSourcingHandler
    void on(ContactErased event) {
        // the personal parts are gone from the store: none stays in memory or in a later snapshot
        erased = true;
        details = new Details(null, null, null, details.country(), details.timezone());
        customerId = null;
        notes.clear();
        customFields.clear();
        gifts.clear();
    }
}
