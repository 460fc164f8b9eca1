package io.contactledger.query.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.contactledger.events.ContactType;

/**
 * A contact's profile as agents and auditors read it: an immutable value built only by
 * {@link ProfileFold}. Tags are sorted and custom fields ordered by key, so equal histories give
 * equal profiles (and equal JSON).
 */
@JsonPropertyOrder({"workspaceId", "contactId", "type", "name", "email", "phone", "country", "timezone",
        "customerId", "tags", "customFields", "notes", "createdAt", "updatedAt", "version"})
public record ContactProfile(
        String workspaceId,
        String contactId,
        ContactType type,
        String name,
        String email,
        String phone,
        String country,
        String timezone,
        String customerId,
        List<String> tags,
        Map<String, String> customFields,
        List<Note> notes,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public ContactProfile {
        tags = List.copyOf(tags);
        customFields = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(customFields));
        notes = List.copyOf(notes);
    }
}
