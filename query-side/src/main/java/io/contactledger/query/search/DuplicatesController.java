package io.contactledger.query.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

import io.contactledger.events.ContactType;
import io.contactledger.query.profile.ContactProfile;
import io.contactledger.query.profile.ProfileStore;
import io.contactledger.query.web.NotFound;
import io.contactledger.query.web.PathIds;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /contacts/{id}/duplicates}: the workspace's other contacts with the same email, phone
 * or customer ID: what an agent checks before merging (the oldest first, at most {@value #LIMIT}).
 */
@RestController
class DuplicatesController {

    static final int LIMIT = 50;

    private final JdbcClient jdbc;
    private final ProfileStore profiles;

    DuplicatesController(JdbcClient jdbc, ProfileStore profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    record Duplicate(String contactId, ContactType type, @Schema(types = {"string", "null"}) String name,
            @Schema(types = {"string", "null"}) String email, @Schema(types = {"string", "null"}) String phone,
            @Schema(types = {"string", "null"}) String customerId,
            @Schema(description = "which of email, phone and customerId are the same") List<String> matchedOn) {
    }

    record Duplicates(String contactId, List<Duplicate> duplicates) {
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/duplicates", produces = MediaType.APPLICATION_JSON_VALUE)
    Duplicates duplicates(@PathVariable String workspaceId, @PathVariable String contactId) {
        PathIds.check(workspaceId, contactId);
        ContactProfile contact = profiles.find(workspaceId, contactId)
                .orElseThrow(() -> new NotFound("contact " + contactId + " not found"));
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>(List.of(workspaceId, contactId));
        for (String[] key : new String[][] {{"email", contact.email()}, {"phone", contact.phone()},
                {"customer_id", contact.customerId()}}) {
            if (key[1] != null) {
                conditions.add("p." + key[0] + " = ?");
                params.add(key[1]);
            }
        }
        if (conditions.isEmpty()) {
            return new Duplicates(contactId, List.of());
        }
        params.add(LIMIT);
        List<Duplicate> found = jdbc.sql("SELECT document FROM " + profiles.liveTables().profiles() + " p WHERE p.workspace_id = ?"
                        + " AND p.contact_id <> ? AND p.merged_into IS NULL AND p.erased = FALSE AND (" + String.join(" OR ", conditions) + ")"
                        + " ORDER BY p.created_at, p.contact_id LIMIT ?")
                .params(params).query(String.class).list().stream()
                .map(profiles::read)
                .map(other -> duplicate(contact, other))
                .toList();
        return new Duplicates(contactId, found);
    }

    private static Duplicate duplicate(ContactProfile contact, ContactProfile other) {
        List<String> matched = new ArrayList<>();
        if (contact.email() != null && contact.email().equals(other.email())) {
            matched.add("email");
        }
        if (contact.phone() != null && contact.phone().equals(other.phone())) {
            matched.add("phone");
        }
        if (contact.customerId() != null && contact.customerId().equals(other.customerId())) {
            matched.add("customerId");
        }
        return new Duplicate(other.contactId(), other.type(), other.name(), other.email(), other.phone(), other.customerId(), matched);
    }
}
