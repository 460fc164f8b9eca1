package io.contactledger.command.imports;

import java.util.Optional;

import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.events.ContactStreams;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the existing contact a row is about (DESIGN §10): by customer ID (the claims, exact and
 * transactional), else by email, else by phone, else by contact ID (the event store). Emails and
 * phones are looked up among the rows this file already ran, then in the live profile read model:
 * the command side keeps no index of them, so a contact created through the API a moment before the
 * import, not yet projected, is not matched by email or phone (docs/decisions.md, "Imports").
 */
@Component
class ContactMatch {

    private final CustomerIdRegistry claims;
    private final ImportStore imports;
    private final JdbcClient jdbc;
    private final EventStore events;

    ContactMatch(CustomerIdRegistry claims, ImportStore imports, JdbcClient jdbc, EventStore events) {
        this.claims = claims;
        this.imports = imports;
        this.jdbc = jdbc;
        this.events = events;
    }

    record Keys(String customerId, String email, String phone, String contactId) {
    }

    Optional<String> find(String importId, String workspaceId, Keys keys) {
        if (keys.customerId() != null) {
            Optional<String> holder = claims.holderOf(workspaceId, keys.customerId());
            if (holder.isPresent()) {
                return holder;
            }
        }
        if (keys.email() != null) {
            Optional<String> found = byValue(importId, workspaceId, "email", keys.email());
            if (found.isPresent()) {
                return found;
            }
        }
        if (keys.phone() != null) {
            Optional<String> found = byValue(importId, workspaceId, "phone", keys.phone());
            if (found.isPresent()) {
                return found;
            }
        }
        if (keys.contactId() != null && ContactStreams.CONTACT_ID.matcher(keys.contactId()).matches()
                && events.lastSequenceNumberFor(ContactStreams.contact(workspaceId, keys.contactId())).isPresent()) {
            return Optional.of(keys.contactId());
        }
        return Optional.empty();
    }

    private Optional<String> byValue(String importId, String workspaceId, String column, String value) {
        Optional<String> inFile = imports.earlierRowWith(importId, column, value);
        if (inFile.isPresent()) {
            return inFile;
        }
        String slot = jdbc.sql("SELECT active FROM read_model_slot WHERE model = 'contact-profiles'")
                .query(String.class).optional().orElse("a");
        String table = "b".equals(slot) ? "contact_profile_b" : "contact_profile";
        // a contact merged into another is found as its survivor (by the survivor's own values)
        return jdbc.sql("SELECT contact_id FROM " + table + " WHERE workspace_id = ? AND " + column + " = ?"
                        + " AND merged_into IS NULL ORDER BY created_at, contact_id LIMIT 1")
                .params(workspaceId, value).query(String.class).optional();
    }
}
