package io.contactledger.events;

import java.util.List;

import org.axonframework.serialization.Revision;

/** A workspace defined a custom field, or relabelled one (its type never changes). */
@Revision("1")
public record CustomFieldDefined(String workspaceId, String key, String label, FieldType type, List<String> options) {
    public CustomFieldDefined {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
