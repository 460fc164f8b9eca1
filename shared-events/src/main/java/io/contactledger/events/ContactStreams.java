package io.contactledger.events;

import java.util.regex.Pattern;

/**
 * Names of event streams in the store. Contact ids are unique per workspace only, so a
 * contact's stream is named by both; workspace streams carry no slash and cannot collide.
 */
public final class ContactStreams {

    /** The shape of a workspace id; nothing else can name a workspace. */
    public static final Pattern WORKSPACE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    /** The shape of a contact id (client-supplied so the widget can retry). */
    public static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ContactStreams() {
    }

    public static String contact(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }

    public static String workspace(String workspaceId) {
        return workspaceId;
    }
}
