package io.contactledger.command.fields;

import io.contactledger.events.FieldType;

/** A custom field's type never changes once defined: stored values would stop fitting it. */
public class FieldTypeChange extends RuntimeException {

    public FieldTypeChange(String key, FieldType current, FieldType requested) {
        super("custom field '" + key + "' is " + current + " and cannot become " + requested);
    }
}
