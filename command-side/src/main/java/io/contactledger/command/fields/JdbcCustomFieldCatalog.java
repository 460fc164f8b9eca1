package io.contactledger.command.fields;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.contactledger.events.CustomFieldDefined;
import io.contactledger.events.FieldType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code custom_field_definition} in step with the definitions. Its processing group is a
 * subscribing one, so the row is written in the same transaction as the CustomFieldDefined event.
 */
@Component
@ProcessingGroup(JdbcCustomFieldCatalog.PROCESSING_GROUP)
class JdbcCustomFieldCatalog implements CustomFieldCatalog {

    static final String PROCESSING_GROUP = "custom-field-lookup";
    /** Options never hold control characters, so a line break separates them unambiguously. */
    private static final String OPTION_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    JdbcCustomFieldCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<FieldDefinition> find(String workspaceId, String key) {
        return jdbc.sql("SELECT field_key, label, field_type, options FROM custom_field_definition"
                        + " WHERE workspace_id = ? AND field_key = ?")
                .params(workspaceId, key)
                .query((rs, row) -> new FieldDefinition(rs.getString(1), rs.getString(2),
                        FieldType.valueOf(rs.getString(3)), options(rs.getString(4))))
                .optional();
    }

    @EventHandler
    void on(CustomFieldDefined event) {
        String options = String.join(OPTION_SEPARATOR, event.options());
        int updated = jdbc.sql("UPDATE custom_field_definition SET label = ?, field_type = ?, options = ?"
                        + " WHERE workspace_id = ? AND field_key = ?")
                .params(event.label(), event.type().name(), options, event.workspaceId(), event.key())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO custom_field_definition (workspace_id, field_key, label, field_type, options)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(event.workspaceId(), event.key(), event.label(), event.type().name(), options)
                    .update();
        }
    }

    private static List<String> options(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(OPTION_SEPARATOR));
    }
}
