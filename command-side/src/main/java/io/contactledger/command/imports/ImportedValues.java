package io.contactledger.command.imports;

import io.contactledger.command.identity.ContactRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The values an import kept of its rows, as far as they concern one contact. */
@Component
public class ImportedValues {

    private final JdbcClient jdbc;

    ImportedValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Forgets the cells, email and phone of the finished rows that matched or created the contact
     * (an erasure); the outcome and counts stay. Rows not yet run still need their cells.
     */
    public void forget(ContactRef contact) {
        jdbc.sql("UPDATE import_row SET cells = '[]', email = NULL, phone = NULL WHERE contact_id = ? AND outcome IS NOT NULL"
                        + " AND import_id IN (SELECT import_id FROM import_job WHERE workspace_id = ?)")
                .params(contact.contactId(), contact.workspaceId()).update();
    }
}
