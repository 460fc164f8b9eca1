package io.contactledger.command.dispatch;

import io.contactledger.command.identity.ContactRef;

/** A command about one contact: the widget acting on it is that contact (the visitor). */
public interface ContactAddressed {
    ContactRef contact();
}
