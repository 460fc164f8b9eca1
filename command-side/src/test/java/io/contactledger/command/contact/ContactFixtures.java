package io.contactledger.command.contact;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.claims.CustomerIdClaimed;
import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.fields.CustomFieldCatalog;
import io.contactledger.command.fields.FieldDefinition;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Shared givens for the Contact specifications: a fixture with in-memory lookups. */
final class ContactFixtures {

    static final String WS = "demo";
    static final String ID = "c-1";
    static final ContactRef C1 = new ContactRef(WS, ID);

    private ContactFixtures() {
    }

    static ContactCreated created() {
        return new ContactCreated(WS, ID, Channel.WIDGET, null, null);
    }

    static ContactCreated createdIn(String country, String timezone) {
        return new ContactCreated(WS, ID, Channel.WIDGET, country, timezone);
    }

    static AggregateTestFixture<Contact> fixture(InMemoryClaims claims, InMemoryCatalog catalog) {
        AggregateTestFixture<Contact> fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(catalog);
        return fixture;
    }

    static AggregateTestFixture<Contact> fixture() {
        return fixture(new InMemoryClaims(), new InMemoryCatalog());
    }

    /** Customer-ID claims kept in a map: enough to specify the aggregate's side of the rule. */
    static final class InMemoryClaims implements CustomerIdRegistry {
        final Map<String, String> holders = new HashMap<>();

        @Override
        public void claim(ContactRef contact, String customerId) {
            String holder = holders.putIfAbsent(contact.workspaceId() + "|" + customerId, contact.contactId());
            if (holder != null && !holder.equals(contact.contactId())) {
                throw new CustomerIdClaimed(customerId, holder);
            }
        }

        @Override
        public Optional<String> holderOf(String workspaceId, String customerId) {
            return Optional.ofNullable(holders.get(workspaceId + "|" + customerId));
        }

        @Override
        public void transfer(String workspaceId, String customerId, String from, String to) {
            if (!holders.replace(workspaceId + "|" + customerId, from, to)) {
                throw new IllegalStateException(customerId + " is not held by " + from);
            }
        }

        @Override
        public void release(ContactRef contact) {
            holders.values().removeIf(contact.contactId()::equals);
        }
    }

    static final class InMemoryCatalog implements CustomFieldCatalog {
        final Map<String, FieldDefinition> fields = new HashMap<>();

        InMemoryCatalog with(FieldDefinition field) {
            fields.put(field.key(), field);
            return this;
        }

        @Override
        public Optional<FieldDefinition> find(String workspaceId, String key) {
            return Optional.ofNullable(fields.get(key));
        }
    }
}
