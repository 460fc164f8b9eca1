package io.contactledger.events;

/** Where a change came from. */
public enum Channel {
    WIDGET, CONSOLE, API, IMPORT
}
