package io.contactledger.query.web;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.events.ContactStreams;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.InvalidRequest;

/** Ids in a path must have the shapes the command side accepts; anything else is a 400. */
public final class PathIds {

    private PathIds() {
    }

    public static void check(String workspaceId, String contactId) {
        List<FieldViolation> errors = new ArrayList<>();
        if (!ContactStreams.WORKSPACE_ID.matcher(workspaceId).matches()) {
            errors.add(new FieldViolation("workspaceId", "is not a valid workspace id"));
        }
        if (contactId != null && !ContactStreams.CONTACT_ID.matcher(contactId).matches()) {
            errors.add(new FieldViolation("contactId", "is not a valid contact id"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
