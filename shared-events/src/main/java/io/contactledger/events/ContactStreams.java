package io.contactledger.events;

/**
 * Names of event streams in the store. Contact ids are unique per workspace only, so a
 * contact's stream is named by both; workspace streams carry no slash and cannot collide.
 */
public final class ContactStreams {
    private ContactStreams() {
    }

    public static String contact(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }

    public static String workspace(String workspaceId) {
        return workspaceId;
    }
}
