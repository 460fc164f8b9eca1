package io.contactledger.query.profile;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The profile read model: one row per contact in {@code contact_profile} (filterable columns plus
 * the whole profile as JSON) and one row per tag in {@code contact_tag}.
 */
@Component
public class ProfileStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProfileStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ContactProfile> find(String workspaceId, String contactId) {
        return jdbc.sql("SELECT document FROM contact_profile WHERE workspace_id = ? AND contact_id = ?")
                .params(workspaceId, contactId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    public long versionOf(String workspaceId, String contactId) {
        return jdbc.sql("SELECT version FROM contact_profile WHERE workspace_id = ? AND contact_id = ?")
                .params(workspaceId, contactId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** Stores {@code next}, which replaces {@code previous} (null for a new contact). */
    public void save(ContactProfile previous, ContactProfile next) {
        String document = json.writeValueAsString(next);
        if (previous == null) {
            jdbc.sql("INSERT INTO contact_profile (workspace_id, contact_id, type, name, email, phone, customer_id,"
                            + " search_text, created_at, version, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(next.workspaceId(), next.contactId(), next.type().name(), next.name(), next.email(),
                            next.phone(), next.customerId(), searchText(next), createdAtMicros(next), next.version(), document)
                    .update();
        } else {
            jdbc.sql("UPDATE contact_profile SET type = ?, name = ?, email = ?, phone = ?, customer_id = ?,"
                            + " search_text = ?, version = ?, document = ? WHERE workspace_id = ? AND contact_id = ?")
                    .params(next.type().name(), next.name(), next.email(), next.phone(), next.customerId(),
                            searchText(next), next.version(), document, next.workspaceId(), next.contactId())
                    .update();
        }
        syncTags(previous == null ? List.of() : previous.tags(), next);
    }

    /** Empties the read model before a rebuild. */
    public void deleteAll() {
        jdbc.sql("DELETE FROM contact_tag").update();
        jdbc.sql("DELETE FROM contact_profile").update();
    }

    public ContactProfile read(String document) {
        return json.readValue(document, ContactProfile.class);
    }

    /** The creation time as the list's sort key; microseconds, the precision both databases keep. */
    public static long createdAtMicros(ContactProfile profile) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, profile.createdAt());
    }

    static String searchText(ContactProfile profile) {
        return Stream.of(profile.name(), profile.email(), profile.phone(), profile.customerId())
                .filter(s -> s != null)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    private void syncTags(List<String> before, ContactProfile next) {
        Set<String> removed = new HashSet<>(before);
        next.tags().forEach(removed::remove);
        Set<String> added = new HashSet<>(next.tags());
        before.forEach(added::remove);
        for (String tag : removed) {
            jdbc.sql("DELETE FROM contact_tag WHERE workspace_id = ? AND tag = ? AND contact_id = ?")
                    .params(next.workspaceId(), tag, next.contactId()).update();
        }
        for (String tag : added) {
            jdbc.sql("INSERT INTO contact_tag (workspace_id, tag, contact_id) VALUES (?, ?, ?)")
                    .params(next.workspaceId(), tag, next.contactId()).update();
        }
    }
}
