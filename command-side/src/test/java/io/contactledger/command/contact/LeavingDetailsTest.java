package io.contactledger.command.contact;

import static io.contactledger.command.contact.ContactFixtures.C1;
import static io.contactledger.command.contact.ContactFixtures.ID;
import static io.contactledger.command.contact.ContactFixtures.WS;
import static io.contactledger.command.contact.ContactFixtures.created;
import static io.contactledger.command.contact.ContactFixtures.createdIn;
import static io.contactledger.command.contact.ContactFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactledger.command.contact.ContactCommands.LeaveDetails;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.ContactPromoted;
import io.contactledger.events.ContactType;
import io.contactledger.events.DetailsLeft;
import org.junit.jupiter.api.Test;

/** A guest leaving details in chat, and agents correcting them. */
class LeavingDetailsTest {

    private static LeaveDetails leave(String name, String email, String phone, String country, String timezone) {
        return new LeaveDetails(C1, new DetailsInput(name, email, phone, country, timezone));
    }

    @Test
    void guestLeavingNameAndEmailBecomesLead() {
        fixture().given(created())
                .when(leave("  Ada Lovelace ", "ADA@Example.com", null, null, null))
                .expectEvents(
                        new DetailsLeft(WS, ID, "Ada Lovelace", "ada@example.com", null, null, null),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD))
                .expectResultMessagePayload(new ContactState(ContactType.LEAD, 2));
    }

    @Test
    void leadNeedsNameAndEmailOrPhone() {
        fixture().given(created())
                .when(leave(null, "ada@example.com", null, null, null))
                .expectEvents(new DetailsLeft(WS, ID, null, "ada@example.com", null, null, null));
    }

    @Test
    void nameAndPhoneAlsoMakeALead() {
        fixture().given(createdIn("GB", "Europe/London"))
                .when(leave("Ada", null, "020 7183 8750", null, null))
                .expectEvents(
                        new DetailsLeft(WS, ID, "Ada", null, "+442071838750", null, null),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD));
    }

    @Test
    void aLocalPhoneNeedsACountryAsRegionHint() {
        fixture().given(created())
                .when(leave(null, null, "020 7183 8750", null, null))
                .expectException(RulesBroken.class)
                .expectNoEvents();
    }

    @Test
    void theCountryInTheSameCommandIsThePhonesRegionHintAndGivesTheTimezone() {
        fixture().given(created())
                .when(leave(null, null, "030 123456", "DE", null))
                .expectEvents(new DetailsLeft(WS, ID, null, null, "+4930123456", "DE", "Europe/Berlin"));
    }

    @Test
    void anInternationalPhoneGivesTheTimezoneOfItsSingleClockRegion() {
        fixture().given(created())
                .when(leave(null, null, "+44 20 7183 8750", null, null))
                .expectEvents(new DetailsLeft(WS, ID, null, null, "+442071838750", null, "Europe/London"));
    }

    @Test
    void aPhoneFromARegionWithSeveralClocksGivesNoTimezone() {
        fixture().given(created())
                .when(leave(null, null, "+1 212 555 0100", null, null))
                .expectEvents(new DetailsLeft(WS, ID, null, null, "+12125550100", null, null));
    }

    @Test
    void onlyChangedFieldsAreRecorded() {
        fixture().given(created(), new DetailsLeft(WS, ID, "Ada", "ada@example.com", null, null, null),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD))
                .when(leave("Ada", "ada@example.com", null, "GB", null))
                .expectEvents(new DetailsLeft(WS, ID, null, null, null, "GB", "Europe/London"));
    }

    @Test
    void leavingTheSameDetailsAgainChangesNothing() {
        fixture().given(created(), new DetailsLeft(WS, ID, "Ada", "ada@example.com", null, null, null),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD))
                .when(leave("Ada ", "ADA@example.com", null, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new ContactState(ContactType.LEAD, 2));
    }

    @Test
    void aCustomerIsNeverDemotedToLead() {
        fixture().given(created(), new io.contactledger.events.CustomerIdLinked(WS, ID, "CUST-1"),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.CUSTOMER))
                .when(leave("Ada", "ada@example.com", null, null, null))
                .expectEvents(new DetailsLeft(WS, ID, "Ada", "ada@example.com", null, null, null));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        fixture().given(created())
                .when(leave(" ", "not-an-email", "12", "ZZ", "Europe/Nowhere"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("name"), org.hamcrest.Matchers.containsString("email"),
                        org.hamcrest.Matchers.containsString("phone"), org.hamcrest.Matchers.containsString("country"),
                        org.hamcrest.Matchers.containsString("timezone")));
    }

    @Test
    void namesRefuseBidirectionalOverridesAndZeroWidthSpacesButKeepJoiners() {
        fixture().given(created()).when(leave("Ada\u202Eecalevol", null, null, null, null))
                .expectException(RulesBroken.class).expectNoEvents();
        fixture().given(created()).when(leave("Ada\u200BLovelace", null, null, null, null))
                .expectException(RulesBroken.class).expectNoEvents();
        fixture().given(created()).when(leave("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", null, null, null, null))
                .expectEvents(new DetailsLeft(WS, ID, "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", null, null, null, null));
    }

    @Test
    void namesRefuseControlCharactersAndExcessLength() {
        fixture().given(created()).when(leave("Ada\u0000", null, null, null, null)).expectException(RulesBroken.class);
        fixture().given(created()).when(leave("a".repeat(201), null, null, null, null)).expectException(RulesBroken.class);
        fixture().given(created()).when(leave("a".repeat(200), null, null, null, null)).expectSuccessfulHandlerExecution();
    }

    @Test
    void emailsLongerThan254CharactersAreRefused() {
        String longEmail = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "com";
        assertThat(longEmail.length()).isGreaterThan(254);
        fixture().given(created()).when(leave(null, longEmail, null, null, null)).expectException(RulesBroken.class);
    }
}
