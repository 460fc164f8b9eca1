package io.contactledger.query.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.contactledger.events.ContactType;

/**
 * A contact's profile as agents and auditors read it: an immutable value built only by
 * {@link ProfileFold}. Tags are sorted and custom fields ordered by key, so equal histories give
 * equal profiles (and equal JSON).
 */
@JsonPropertyOrder({"workspaceId", "contactId", "type", "name", "email", "phone", "country", "timezone",
        "customerId", "tags", "customFields", "notes", "createdAt", "updatedAt", "version", "mergedInto", "erased"})
public record ContactProfile(
        String workspaceId,
        String contactId,
        ContactType type,
        @Schema(types = {"string", "null"}) String name,
        @Schema(types = {"string", "null"}, format = "email") String email,
        @Schema(types = {"string", "null"}, description = "E.164") String phone,
        @Schema(types = {"string", "null"}, description = "ISO 3166-1 alpha-2") String country,
        @Schema(types = {"string", "null"}, description = "IANA time zone") String timezone,
        @Schema(types = {"string", "null"}) String customerId,
        List<String> tags,
        Map<String, String> customFields,
        List<Note> notes,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Schema(types = {"string", "null"}, description = "set once the contact was merged into another (DESIGN §9)")
        @JsonInclude(JsonInclude.Include.NON_NULL) String mergedInto,
        @Schema(description = "true once the contact's personal data was erased (DESIGN §9); absent otherwise")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean erased) {

    /** A profile of a contact that lives on by itself (not merged into another). */
    public ContactProfile(String workspaceId, String contactId, ContactType type, String name, String email, String phone,
            String country, String timezone, String customerId, List<String> tags, Map<String, String> customFields,
            List<Note> notes, Instant createdAt, Instant updatedAt, long version) {
        this(workspaceId, contactId, type, name, email, phone, country, timezone, customerId, tags, customFields, notes,
                createdAt, updatedAt, version, null, null);
    }

    public ContactProfile {
        // true or absent: documents stored before erasure existed have no such field
        erased = Boolean.TRUE.equals(erased) ? Boolean.TRUE : null;
        tags = List.copyOf(tags);
        customFields = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(customFields));
        notes = List.copyOf(notes);
    }

    /** Whether the contact's personal data was erased. */
    public boolean wasErased() {
        return erased != null;
    }
}
