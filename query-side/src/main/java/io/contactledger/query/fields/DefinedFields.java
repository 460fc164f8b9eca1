package io.contactledger.query.fields;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The keys of a workspace's defined custom fields, in key order: an export's {@code cf.<key>} columns. */
@Component
public class DefinedFields {

    private final JdbcClient jdbc;

    DefinedFields(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> keys(String workspaceId) {
        return jdbc.sql("SELECT field_key FROM custom_field_view WHERE workspace_id = ? ORDER BY field_key")
                .param(workspaceId).query(String.class).list();
    }
}
