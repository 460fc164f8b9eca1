package io.contactledger.command.identity;

import io.contactledger.command.violations.Violations;
import io.contactledger.events.ContactStreams;

/**
 * Names one contact of one workspace. Its string form is the contact's event stream id, which is
 * how Axon routes commands to the aggregate.
 */
public record ContactRef(String workspaceId, String contactId) {

    /** Both ids must have the allowed shape, so no command can name a contact that cannot exist. */
    public ContactRef {
        Violations violations = new Violations();
        checkWorkspaceId(workspaceId, violations);
        if (contactId == null || !ContactStreams.CONTACT_ID.matcher(contactId).matches()) {
            violations.add("contactId", "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        violations.throwIfAny();
    }

    public static void checkWorkspaceId(String workspaceId, Violations violations) {
        if (workspaceId == null || !ContactStreams.WORKSPACE_ID.matcher(workspaceId).matches()) {
            violations.add("workspaceId", "must be 2-63 characters of a-z, 0-9 or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return ContactStreams.contact(workspaceId, contactId);
    }
}
