package io.contactledger.command.fields;

import java.util.List;

import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.violations.Violations;
import io.contactledger.events.ContactStreams;
import io.contactledger.events.FieldType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a workspace's custom field, or relabels it. */
public record DefineCustomField(String workspaceId, String key, String label, FieldType type, List<String> options) {

    public DefineCustomField {
        Violations violations = new Violations();
        ContactRef.checkWorkspaceId(workspaceId, violations);
        violations.throwIfAny();
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return ContactStreams.workspace(workspaceId);
    }
}
