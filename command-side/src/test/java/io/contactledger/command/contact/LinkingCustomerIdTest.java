package io.contactledger.command.contact;

import static io.contactledger.command.contact.ContactFixtures.C1;
import static io.contactledger.command.contact.ContactFixtures.ID;
import static io.contactledger.command.contact.ContactFixtures.WS;
import static io.contactledger.command.contact.ContactFixtures.created;
import static io.contactledger.command.contact.ContactFixtures.fixture;

import io.contactledger.command.claims.CustomerIdAlreadyLinked;
import io.contactledger.command.claims.CustomerIdClaimed;
import io.contactledger.command.contact.ContactCommands.LinkCustomerId;
import io.contactledger.command.contact.ContactFixtures.InMemoryCatalog;
import io.contactledger.command.contact.ContactFixtures.InMemoryClaims;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.ContactPromoted;
import io.contactledger.events.ContactType;
import io.contactledger.events.CustomerIdLinked;
import io.contactledger.events.DetailsLeft;
import org.junit.jupiter.api.Test;

class LinkingCustomerIdTest {

    @Test
    void aGuestLinkedToACustomerIdBecomesACustomerDirectly() {
        fixture().given(created())
                .when(new LinkCustomerId(C1, "CUST-42"))
                .expectEvents(new CustomerIdLinked(WS, ID, "CUST-42"),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.CUSTOMER))
                .expectResultMessagePayload(new ContactState(ContactType.CUSTOMER, 2));
    }

    @Test
    void aLeadLinkedToACustomerIdBecomesACustomer() {
        fixture().given(created(), new DetailsLeft(WS, ID, "Ada", "ada@example.com", null, null, null),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.LEAD))
                .when(new LinkCustomerId(C1, "CUST-42"))
                .expectEvents(new CustomerIdLinked(WS, ID, "CUST-42"),
                        new ContactPromoted(WS, ID, ContactType.LEAD, ContactType.CUSTOMER));
    }

    @Test
    void linkingTheSameIdAgainChangesNothing() {
        fixture().given(created(), new CustomerIdLinked(WS, ID, "CUST-42"),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.CUSTOMER))
                .when(new LinkCustomerId(C1, "CUST-42"))
                .expectNoEvents()
                .expectResultMessagePayload(new ContactState(ContactType.CUSTOMER, 2));
    }

    @Test
    void aLinkedContactIsNeverReLinkedToADifferentId() {
        fixture().given(created(), new CustomerIdLinked(WS, ID, "CUST-42"),
                        new ContactPromoted(WS, ID, ContactType.GUEST, ContactType.CUSTOMER))
                .when(new LinkCustomerId(C1, "CUST-43"))
                .expectException(CustomerIdAlreadyLinked.class)
                .expectNoEvents();
    }

    @Test
    void linkingClaimedCustomerIdNamesTheHolder() {
        InMemoryClaims claims = new InMemoryClaims();
        claims.holders.put(WS + "|CUST-42", "c-other");
        fixture(claims, new InMemoryCatalog()).given(created())
                .when(new LinkCustomerId(C1, "CUST-42"))
                .expectException(CustomerIdClaimed.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("c-other"))
                .expectNoEvents();
    }

    @Test
    void customerIdsArePrintableAndAtMost128Characters() {
        fixture().given(created()).when(new LinkCustomerId(C1, "")).expectException(RulesBroken.class);
        fixture().given(created()).when(new LinkCustomerId(C1, " CUST")).expectException(RulesBroken.class);
        fixture().given(created()).when(new LinkCustomerId(C1, "CU\nST")).expectException(RulesBroken.class);
        fixture().given(created()).when(new LinkCustomerId(C1, "x".repeat(129))).expectException(RulesBroken.class);
        fixture().given(created()).when(new LinkCustomerId(C1, "x".repeat(128))).expectSuccessfulHandlerExecution();
    }
}
