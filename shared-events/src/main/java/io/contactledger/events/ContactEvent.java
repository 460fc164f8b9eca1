package io.contactledger.events;

/** An event in the life of one contact. */
public interface ContactEvent {
    String workspaceId();

    String contactId();
}
