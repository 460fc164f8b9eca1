package io.contactledger.command.contact;

import static io.contactledger.command.contact.ContactFixtures.C1;
import static io.contactledger.command.contact.ContactFixtures.ID;
import static io.contactledger.command.contact.ContactFixtures.WS;
import static io.contactledger.command.contact.ContactFixtures.created;
import static io.contactledger.command.contact.ContactFixtures.fixture;

import java.math.BigDecimal;
import java.util.List;

import io.contactledger.command.contact.ContactCommands.ClearCustomField;
import io.contactledger.command.contact.ContactCommands.SetCustomField;
import io.contactledger.command.contact.ContactFixtures.InMemoryCatalog;
import io.contactledger.command.contact.ContactFixtures.InMemoryClaims;
import io.contactledger.command.fields.FieldDefinition;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.CustomFieldCleared;
import io.contactledger.events.CustomFieldSet;
import io.contactledger.events.FieldType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingCustomDataTest {

    private static AggregateTestFixture<Contact> withFields() {
        InMemoryCatalog catalog = new InMemoryCatalog()
                .with(new FieldDefinition("student_id", "Student ID", FieldType.TEXT, List.of()))
                .with(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of()))
                .with(new FieldDefinition("trial", "Trial", FieldType.BOOLEAN, List.of()))
                .with(new FieldDefinition("born", "Born", FieldType.DATE, List.of()))
                .with(new FieldDefinition("seen", "Seen", FieldType.DATETIME, List.of()))
                .with(new FieldDefinition("billing", "Billing", FieldType.EMAIL, List.of()))
                .with(new FieldDefinition("site", "Site", FieldType.URL, List.of()))
                .with(new FieldDefinition("plan", "Plan", FieldType.LIST, List.of("free", "pro")));
        return fixture(new InMemoryClaims(), catalog);
    }

    @ParameterizedTest(name = "{0} = {1} is stored as {2}")
    @CsvSource({
            "student_id, S-42, S-42",
            "seats, 12.50, 12.5",
            "trial, true, true",
            "born, 1815-12-10, 1815-12-10",
            "seen, 2026-01-31T10:30:00+01:00, 2026-01-31T09:30:00Z",
            "billing, Billing@Example.com, billing@example.com",
            "site, https://example.com/a, https://example.com/a",
            "plan, pro, pro"})
    void aValueOfTheFieldsTypeIsStoredInCanonicalForm(String key, String value, String stored) {
        withFields().given(created())
                .when(new SetCustomField(C1, key, value))
                .expectEvents(new CustomFieldSet(WS, ID, key, stored));
    }

    @Test
    void jsonNumbersAndBooleansAreAcceptedForTheirTypes() {
        withFields().given(created()).when(new SetCustomField(C1, "seats", new BigDecimal("3.0")))
                .expectEvents(new CustomFieldSet(WS, ID, "seats", "3"));
        withFields().given(created()).when(new SetCustomField(C1, "trial", Boolean.FALSE))
                .expectEvents(new CustomFieldSet(WS, ID, "trial", "false"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource({
            "seats, twelve", "trial, yes", "born, 10/12/1815", "seen, yesterday",
            "billing, not-an-email", "site, ftp://example.com", "site, example.com", "plan, gold"})
    void aValueThatDoesNotFitTheTypeIsRefused(String key, String value) {
        withFields().given(created()).when(new SetCustomField(C1, key, value))
                .expectException(RulesBroken.class).expectNoEvents();
    }

    @Test
    void textIsAtMostOneThousandCharactersAndNotAnObjectOrNumber() {
        withFields().given(created()).when(new SetCustomField(C1, "student_id", "x".repeat(1001)))
                .expectException(RulesBroken.class);
        withFields().given(created()).when(new SetCustomField(C1, "student_id", 42))
                .expectException(RulesBroken.class);
        withFields().given(created()).when(new SetCustomField(C1, "student_id", java.util.Map.of("a", 1)))
                .expectException(RulesBroken.class);
    }

    @Test
    void textIsRefusedWhenItIsOnlySpacesOrHidesItsDirection() {
        withFields().given(created()).when(new SetCustomField(C1, "student_id", " "))
                .expectException(RulesBroken.class).expectNoEvents();
        withFields().given(created()).when(new SetCustomField(C1, "student_id", "S-\u202E24"))
                .expectException(RulesBroken.class).expectNoEvents();
    }

    @Test
    void customFieldsMustBeDefinedFirst() {
        withFields().given(created()).when(new SetCustomField(C1, "undefined_key", "x"))
                .expectException(RulesBroken.class).expectNoEvents();
    }

    @Test
    void settingTheSameValueAgainChangesNothing() {
        withFields().given(created(), new CustomFieldSet(WS, ID, "seats", "12.5"))
                .when(new SetCustomField(C1, "seats", "12.50"))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void clearingRemovesAPresentValueAndIgnoresAnAbsentOne() {
        withFields().given(created(), new CustomFieldSet(WS, ID, "plan", "pro"))
                .when(new ClearCustomField(C1, "plan"))
                .expectEvents(new CustomFieldCleared(WS, ID, "plan"));
        withFields().given(created())
                .when(new ClearCustomField(C1, "plan"))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }
}
