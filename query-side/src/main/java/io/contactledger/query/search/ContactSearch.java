package io.contactledger.query.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.contactledger.events.ContactType;
import io.contactledger.query.profile.ContactProfile;
import io.contactledger.query.profile.ProfileStore;
import io.contactledger.query.web.Cursors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists a workspace's contacts newest first, filtered by type, tag and a case-insensitive
 * substring of name, email, phone or customer ID. Paging is keyset: (created_at, contact_id) of
 * the last item, so pages stay stable while contacts are added.
 */
@Component
class ContactSearch {

    private final JdbcClient jdbc;
    private final ProfileStore profiles;
    private final Cursor cursors;
    private final SearchTextSample sample;

    ContactSearch(JdbcClient jdbc, ProfileStore profiles, Cursors cursors, SearchTextSample sample) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.cursors = new Cursor(cursors);
        this.sample = sample;
    }

    record Filters(ContactType type, String tag, String q) {
        String signature() {
            return type + "|" + tag + "|" + q;
        }
    }

    record Item(String contactId, ContactType type, @Schema(types = {"string", "null"}) String name,
            @Schema(types = {"string", "null"}) String email, @Schema(types = {"string", "null"}) String phone,
            @Schema(types = {"string", "null"}) String customerId,
            List<String> tags, Instant createdAt, Instant updatedAt) {
    }

    record Page(List<Item> items, @Schema(types = {"string", "null"}, description = "null on the last page") String nextCursor) {
    }

    Page search(String workspaceId, Filters filters, int limit, String cursor) {
        Cursor.Position after = cursor == null ? null : cursors.decode(cursor, workspaceId + "|" + filters.signature());
        List<ContactProfile> found = profiles(workspaceId, filters, limit + 1, after);
        boolean more = found.size() > limit;
        List<ContactProfile> page = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            next = cursors.encode(positionOf(page.get(page.size() - 1)), workspaceId + "|" + filters.signature());
        }
        return new Page(page.stream().map(ContactSearch::item).toList(), next);
    }

    /** Up to {@code limit} matching profiles, newest first, after {@code after} (null: from the newest). */
    List<ContactProfile> profiles(String workspaceId, Filters filters, int limit, Cursor.Position after) {
        var tables = profiles.liveTables();
        // a contact merged into another lives on in its survivor: lists and exports show only that one;
        // an erased contact is shown by none
        StringBuilder sql = new StringBuilder("SELECT document FROM " + tables.profiles() + " p WHERE p.workspace_id = ?"
                + " AND p.merged_into IS NULL AND p.erased = FALSE");
        List<Object> params = new ArrayList<>(List.of(workspaceId));
        if (filters.type() != null) {
            sql.append(" AND p.type = ?");
            params.add(filters.type().name());
        }
        if (filters.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM " + tables.tags() + " t WHERE t.workspace_id = p.workspace_id"
                    + " AND t.tag = ? AND t.contact_id = p.contact_id)");
            params.add(filters.tag());
        }
        if (filters.q() != null) {
            String q = filters.q().toLowerCase(Locale.ROOT);
            var word = sample.wordToLookUp(tables.profiles(), q);
            // the index looks up the rare word only; the whole search is checked on what it finds (SearchWords)
            sql.append(" AND p.search_text LIKE ? ESCAPE '\\'");
            params.add("%" + likeEscaped(word.orElse(q)) + "%");
            if (word.isPresent()) {
                sql.append(" AND POSITION(? IN p.search_text) > 0");
                params.add(q);
            }
        }
        if (after != null) {
            sql.append(" AND (p.created_at < ? OR (p.created_at = ? AND p.contact_id < ?))");
            params.addAll(List.of(after.createdAtMicros(), after.createdAtMicros(), after.contactId()));
        }
        sql.append(" ORDER BY p.created_at DESC, p.contact_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(String.class).list().stream().map(profiles::read).toList();
    }

    static Cursor.Position positionOf(ContactProfile profile) {
        return new Cursor.Position(ProfileStore.createdAtMicros(profile), profile.contactId());
    }

    private static Item item(ContactProfile p) {
        return new Item(p.contactId(), p.type(), p.name(), p.email(), p.phone(), p.customerId(), p.tags(),
                p.createdAt(), p.updatedAt());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
