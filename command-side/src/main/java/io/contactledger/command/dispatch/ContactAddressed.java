package io.contactledger.command.dispatch;

import io.contactledger.command.identity.ContactRef;

/** A command about one contact: the widget acting on it is that contact (the visitor). */
public interface ContactAddressed {
    ContactRef contact();

    /** The event stream of the contact {@code command} addresses, or null when it addresses none. */
    static String streamOf(Object command) {
        return command instanceof ContactAddressed addressed ? addressed.contact().toString() : null;
    }
}
