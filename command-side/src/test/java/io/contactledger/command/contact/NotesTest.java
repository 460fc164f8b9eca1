package io.contactledger.command.contact;

import static io.contactledger.command.contact.ContactFixtures.C1;
import static io.contactledger.command.contact.ContactFixtures.ID;
import static io.contactledger.command.contact.ContactFixtures.WS;
import static io.contactledger.command.contact.ContactFixtures.created;
import static io.contactledger.command.contact.ContactFixtures.fixture;

import io.contactledger.command.contact.ContactCommands.DeleteNote;
import io.contactledger.command.contact.ContactCommands.EditNote;
import io.contactledger.command.contact.ContactCommands.WriteNote;
import io.contactledger.command.notes.NoteNotFound;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.NoteDeleted;
import io.contactledger.events.NoteEdited;
import io.contactledger.events.NoteWritten;
import org.junit.jupiter.api.Test;

class NotesTest {

    private static final NoteWritten WRITTEN = new NoteWritten(WS, ID, "n-1", "Asked about pricing.", "agent-7");

    @Test
    void anAgentWritesANoteWithAnAuthor() {
        fixture().given(created())
                .when(new WriteNote(C1, "n-1", "Asked about pricing.", "agent-7"))
                .expectEvents(WRITTEN);
    }

    @Test
    void aNoteNeedsTextAndAnAuthor() {
        fixture().given(created()).when(new WriteNote(C1, "n-1", "  ", "agent-7")).expectException(RulesBroken.class);
        fixture().given(created()).when(new WriteNote(C1, "n-1", "text", null)).expectException(RulesBroken.class);
        fixture().given(created()).when(new WriteNote(C1, "n-1", "x".repeat(10_001), "a")).expectException(RulesBroken.class);
        fixture().given(created()).when(new WriteNote(C1, "n-1", "x".repeat(10_000), "a")).expectSuccessfulHandlerExecution();
    }

    @Test
    void aNoteRefusesBidirectionalOverridesAndZeroWidthSpaces() {
        fixture().given(created()).when(new WriteNote(C1, "n-1", "pay \u202E0001$", "a")).expectException(RulesBroken.class);
        fixture().given(created()).when(new WriteNote(C1, "n-1", "in\uFEFFvisible", "a")).expectException(RulesBroken.class);
        fixture().given(created()).when(new WriteNote(C1, "n-1", "family \uD83D\uDC68\u200D\uD83D\uDC67", "a"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void editingANoteRecordsTheNewText() {
        fixture().given(created(), WRITTEN)
                .when(new EditNote(C1, "n-1", "Asked about enterprise pricing."))
                .expectEvents(new NoteEdited(WS, ID, "n-1", "Asked about enterprise pricing."));
    }

    @Test
    void editingToTheSameTextChangesNothing() {
        fixture().given(created(), WRITTEN)
                .when(new EditNote(C1, "n-1", "Asked about pricing."))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void editingOrDeletingAnUnknownNoteIsNotFound() {
        fixture().given(created()).when(new EditNote(C1, "n-9", "x")).expectException(NoteNotFound.class);
        fixture().given(created()).when(new DeleteNote(C1, "n-9")).expectException(NoteNotFound.class);
    }

    @Test
    void aDeletedNoteCannotBeEditedOrDeletedAgain() {
        fixture().given(created(), WRITTEN, new NoteDeleted(WS, ID, "n-1"))
                .when(new EditNote(C1, "n-1", "again")).expectException(NoteNotFound.class);
        fixture().given(created(), WRITTEN, new NoteDeleted(WS, ID, "n-1"))
                .when(new DeleteNote(C1, "n-1")).expectException(NoteNotFound.class);
    }

    @Test
    void deletingANoteRecordsIt() {
        fixture().given(created(), WRITTEN)
                .when(new DeleteNote(C1, "n-1"))
                .expectEvents(new NoteDeleted(WS, ID, "n-1"));
    }
}
