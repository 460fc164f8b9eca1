package io.contactledger.command.contact;

import static io.contactledger.command.contact.ContactFixtures.C1;
import static io.contactledger.command.contact.ContactFixtures.ID;
import static io.contactledger.command.contact.ContactFixtures.WS;
import static io.contactledger.command.contact.ContactFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.contact.ContactCommands.CreateContact;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactCreated;
import org.junit.jupiter.api.Test;

class ContactCreationTest {

    @Test
    void aNewVisitorBecomesAGuestContact() {
        fixture().givenNoPriorActivity()
                .when(new CreateContact(C1, Channel.WIDGET, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactCreated(WS, ID, Channel.WIDGET, null, null));
    }

    @Test
    void countryIsNormalizedAndItsSingleClockGivesTheTimezone() {
        fixture().givenNoPriorActivity()
                .when(new CreateContact(C1, Channel.WIDGET, "de", null))
                .expectEvents(new ContactCreated(WS, ID, Channel.WIDGET, "DE", "Europe/Berlin"));
    }

    @Test
    void aCountryWithSeveralClocksGivesNoTimezone() {
        fixture().givenNoPriorActivity()
                .when(new CreateContact(C1, Channel.WIDGET, "US", null))
                .expectEvents(new ContactCreated(WS, ID, Channel.WIDGET, "US", null));
    }

    @Test
    void theBrowserTimezoneWinsOverTheCountry() {
        fixture().givenNoPriorActivity()
                .when(new CreateContact(C1, Channel.WIDGET, "US", "America/Denver"))
                .expectEvents(new ContactCreated(WS, ID, Channel.WIDGET, "US", "America/Denver"));
    }

    @Test
    void anUnknownCountryOrTimezoneIsRefused() {
        fixture().givenNoPriorActivity()
                .when(new CreateContact(C1, Channel.WIDGET, "XX", "Mars/Olympus"))
                .expectException(RulesBroken.class)
                .expectNoEvents();
    }

    @Test
    void contactIdsHaveALimitedAlphabet() {
        assertThatThrownBy(() -> new ContactRef(WS, "bad id!")).isInstanceOf(RulesBroken.class);
        assertThatThrownBy(() -> new ContactRef("Demo", "c-1")).isInstanceOf(RulesBroken.class);
        assertThatThrownBy(() -> new ContactRef(WS, "x".repeat(65))).isInstanceOf(RulesBroken.class);
    }
}
