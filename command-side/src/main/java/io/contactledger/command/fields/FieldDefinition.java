package io.contactledger.command.fields;

import java.util.List;

import io.contactledger.events.FieldType;

/** A workspace's definition of one custom field. */
public record FieldDefinition(String key, String label, FieldType type, List<String> options) {
    public FieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
