package io.contactledger.command.fields;

import java.util.Optional;

/** The custom fields a workspace has defined, as the command side needs them to check values. */
public interface CustomFieldCatalog {

    Optional<FieldDefinition> find(String workspaceId, String key);
}
