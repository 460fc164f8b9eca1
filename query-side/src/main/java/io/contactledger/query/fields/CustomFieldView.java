package io.contactledger.query.fields;

import java.util.List;

import io.contactledger.events.FieldType;

/** A custom field as agents see it in the workspace's field list. */
public record CustomFieldView(String key, String label, FieldType type, List<String> options) {
}
