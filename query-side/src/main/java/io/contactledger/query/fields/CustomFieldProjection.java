package io.contactledger.query.fields;

import java.util.List;

import io.contactledger.events.CustomFieldDefined;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@code custom_field_view} current: one row per workspace field, the latest definition wins. */
@Component
@ProcessingGroup(CustomFieldProjection.NAME)
class CustomFieldProjection {

    static final String NAME = "custom-field-views";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomFieldProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CustomFieldDefined event) {
        String document = json.writeValueAsString(
                new CustomFieldView(event.key(), event.label(), event.type(), event.options()));
        int updated = jdbc.sql("UPDATE custom_field_view SET label = ?, field_type = ?, document = ?"
                        + " WHERE workspace_id = ? AND field_key = ?")
                .params(event.label(), event.type().name(), document, event.workspaceId(), event.key())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO custom_field_view (workspace_id, field_key, label, field_type, document)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(event.workspaceId(), event.key(), event.label(), event.type().name(), document)
                    .update();
        }
    }

    @ResetHandler
    void onReset() {
        jdbc.sql("DELETE FROM custom_field_view").update();
    }

    List<CustomFieldView> of(String workspaceId) {
        return jdbc.sql("SELECT document FROM custom_field_view WHERE workspace_id = ? ORDER BY field_key")
                .params(workspaceId)
                .query(String.class).list()
                .stream().map(document -> json.readValue(document, CustomFieldView.class)).toList();
    }
}
