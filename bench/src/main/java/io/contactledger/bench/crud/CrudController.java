package io.contactledger.bench.crud;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The benchmark's command mix as plain CRUD: each request one or two statements in one transaction. */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}/contacts")
class CrudController {

    record Created(String contactId, String country) {
    }

    record Details(String name, String email, String phone) {
    }

    record CustomerId(String customerId) {
    }

    record Tag(String tag) {
    }

    record Text(String text) {
    }

    record Value(String value) {
    }

    private final JdbcClient jdbc;

    CrudController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@PathVariable String ws, @RequestBody Created body) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.sql("INSERT INTO crud_contact (workspace_id, contact_id, type, country, version, created_at, updated_at)"
                            + " VALUES (?, ?, 'GUEST', ?, 0, ?, ?)")
                    .params(ws, body.contactId(), body.country(), now, now).update();
        } catch (DuplicateKeyException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("contactId", body.contactId(), "version", 0));
    }

    @PostMapping("/{id}/details")
    ResponseEntity<Map<String, Object>> details(@PathVariable String ws, @PathVariable String id, @RequestBody Details body) {
        return changed(ws, id, jdbc.sql("UPDATE crud_contact SET name = COALESCE(?, name), email = COALESCE(?, email),"
                        + " phone = COALESCE(?, phone), type = CASE WHEN COALESCE(?, email) IS NOT NULL AND type = 'GUEST'"
                        + " THEN 'LEAD' ELSE type END, version = version + 1, updated_at = ? WHERE workspace_id = ? AND contact_id = ?")
                .params(body.name(), body.email(), body.phone(), body.email(), Timestamp.from(Instant.now()), ws, id).update());
    }

    @PutMapping("/{id}/customer-id")
    ResponseEntity<Map<String, Object>> customerId(@PathVariable String ws, @PathVariable String id, @RequestBody CustomerId body) {
        try {
            return changed(ws, id, jdbc.sql("UPDATE crud_contact SET customer_id = ?, type = 'CUSTOMER', version = version + 1,"
                            + " updated_at = ? WHERE workspace_id = ? AND contact_id = ?")
                    .params(body.customerId(), Timestamp.from(Instant.now()), ws, id).update());
        } catch (DuplicateKeyException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
    }

    @Transactional
    @PostMapping("/{id}/tags")
    ResponseEntity<Map<String, Object>> tag(@PathVariable String ws, @PathVariable String id, @RequestBody Tag body) {
        int touched = touch(ws, id);
        if (touched == 1) {
            jdbc.sql("INSERT INTO crud_tag (workspace_id, contact_id, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(ws, id, body.tag()).update();
        }
        return changed(ws, id, touched);
    }

    @Transactional
    @PostMapping("/{id}/notes")
    ResponseEntity<Map<String, Object>> note(@PathVariable String ws, @PathVariable String id, @RequestBody Text body) {
        int touched = touch(ws, id);
        if (touched == 0) {
            return ResponseEntity.notFound().build();
        }
        String noteId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO crud_note (note_id, workspace_id, contact_id, text, author, written_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(noteId, ws, id, body.text(), "agent", Timestamp.from(Instant.now())).update();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("contactId", id, "noteId", noteId));
    }

    @Transactional
    @PutMapping("/{id}/custom-fields/{key}")
    ResponseEntity<Map<String, Object>> field(@PathVariable String ws, @PathVariable String id, @PathVariable String key,
            @RequestBody Value body) {
        int touched = touch(ws, id);
        if (touched == 1) {
            jdbc.sql("INSERT INTO crud_field (workspace_id, contact_id, field_key, value) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (workspace_id, contact_id, field_key) DO UPDATE SET value = EXCLUDED.value")
                    .params(ws, id, key, body.value()).update();
        }
        return changed(ws, id, touched);
    }

    private int touch(String ws, String id) {
        return jdbc.sql("UPDATE crud_contact SET version = version + 1, updated_at = ? WHERE workspace_id = ? AND contact_id = ?")
                .params(Timestamp.from(Instant.now()), ws, id).update();
    }

    private static ResponseEntity<Map<String, Object>> changed(String ws, String id, int rows) {
        return rows == 0 ? ResponseEntity.notFound().build() : ResponseEntity.ok(Map.of("contactId", id));
    }
}
