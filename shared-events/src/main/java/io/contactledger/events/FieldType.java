package io.contactledger.events;

/** The type of a workspace-defined custom field. */
public enum FieldType {
    TEXT, NUMBER, BOOLEAN, DATE, DATETIME, EMAIL, URL, LIST
}
