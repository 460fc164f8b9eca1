package io.contactledger.command.erasure;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.imports.ImportedValues;
import io.contactledger.events.PersonalFields;
import io.contactledger.support.keys.ContactKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything the command side stores of a contact's personal data outside its sealed events,
 * shredded in the erasure's transaction: its key (so its sealed values never read again), its
 * customer-ID claim, its snapshots (an aggregate's state in plain text), the values its import
 * rows kept, and the personal fields of any revision-1 event written before events were sealed,
 * which are set to null in place: the one change ever made to a stored event.
 */
@Component
class JdbcStoredPersonalData implements StoredPersonalData {

    private final ContactKeys keys;
    private final CustomerIdRegistry claims;
    private final ImportedValues imports;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    JdbcStoredPersonalData(ContactKeys keys, CustomerIdRegistry claims, ImportedValues imports, JdbcTemplate jdbc) {
        this.keys = keys;
        this.claims = claims;
        this.imports = imports;
        this.jdbc = jdbc;
    }

    @Override
    public void shred(ContactRef contact) {
        keys.delete(contact.workspaceId(), contact.contactId());
        claims.release(contact);
        imports.forget(contact);
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", contact.toString());
        redactPlainEvents(contact);
    }

    private void redactPlainEvents(ContactRef contact) {
        record Plain(long index, String type, byte[] payload) {
        }
        List<Plain> plain = jdbc.query("SELECT global_index, payload_type, payload FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_revision = '1'",
                (rs, i) -> new Plain(rs.getLong(1), rs.getString(2), rs.getBytes(3)), contact.toString());
        for (Plain event : plain) {
            List<String> personal = PersonalFields.of(event.type());
            if (personal.isEmpty()) {
                continue;
            }
            try {
                ObjectNode payload = (ObjectNode) json.readTree(event.payload());
                personal.forEach(payload::putNull);
                jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", json.writeValueAsBytes(payload),
                        event.index());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("event " + event.index() + " of " + contact + " does not read as JSON", e);
            }
        }
    }
}
