package io.contactledger.query.feed;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.contactledger.events.ContactErased;
import io.contactledger.events.PersonalFields;
import java.sql.Types;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The feed's table: rows appended in position order, read a page at a time. */
@Component
class FeedStore {

    private static final String ERASED = ContactErased.class.getSimpleName();

    private static final int[] ROW_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
            Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final boolean postgres;

    FeedStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.postgres = io.contactledger.support.database.DatabaseKind.isPostgres(batches.getDataSource());
    }

    /**
     * Gives the rows the next positions and writes them, in the caller's transaction. Taking the
     * positions locks the head row until that transaction ends, so positions commit in order.
     * Events already in the feed (a batch processed again) are skipped, never given a second position.
     */
    void append(List<FeedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> present = present(rows);
        List<FeedRow> fresh = rows.stream().filter(row -> !present.contains(row.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE event_feed_head SET position = position + ? WHERE id = 1").param(fresh.size()).update();
        long last = jdbc.sql("SELECT position FROM event_feed_head WHERE id = 1").query(Long.class).single();
        long first = last - fresh.size() + 1;
        List<Object[]> values = new java.util.ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            FeedRow row = fresh.get(i);
            values.add(new Object[] {first + i, row.eventId(), row.workspaceId(), row.contactId(), row.version(), row.type(),
                    row.occurredAtMicros(), row.metadata(), row.payload()});
        }
        // one JDBC batch: a round trip for the whole batch of events, not one per row
        batches.batchUpdate("INSERT INTO event_feed (position, event_id, workspace_id, contact_id, version, event_type,"
                + " occurred_at, metadata, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values, ROW_TYPES);
        fresh.stream().filter(row -> ERASED.equals(row.type())).forEach(row -> redact(row.workspaceId(), row.contactId()));
        if (postgres && crossesDoubling(first - 1, last)) {
            // the duplicate check above reads by event id; statements prepared while the table was small keep
            // a plan for a small table (a sequential scan) until its statistics change, which autovacuum may
            // be slow to do, or off (the benchmark's server): at 10k rows, 20k, 40k, … the feed does it itself
            jdbc.sql("ANALYZE event_feed").update();
        }
    }

    /** Whether the feed grew past 10,000 × 2^k rows with this append. */
    static boolean crossesDoubling(long before, long after) {
        for (long mark = 10_000; mark <= after; mark *= 2) {
            if (before < mark) {
                return true;
            }
        }
        return false;
    }

    /**
     * An erasure reaches the feed: the contact's earlier rows keep their place and fields, their
     * personal ones set to null (DESIGN §9), in the transaction that appends the ContactErased row.
     */
    private void redact(String workspaceId, String contactId) {
        jdbc.sql("SELECT position, event_type, payload FROM event_feed WHERE workspace_id = ? AND contact_id = ?")
                .params(workspaceId, contactId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(row -> {
                    List<String> personal = PersonalFields.ofSimpleName((String) row[1]);
                    if (!personal.isEmpty()) {
                        ObjectNode payload = (ObjectNode) json.readTree((String) row[2]);
                        personal.forEach(payload::putNull);
                        jdbc.sql("UPDATE event_feed SET payload = ? WHERE position = ?")
                                .params(json.writeValueAsString(payload), row[0]).update();
                    }
                });
    }

    private Set<String> present(List<FeedRow> rows) {
        List<String> ids = rows.stream().map(FeedRow::eventId).toList();
        return new HashSet<>(jdbc.sql("SELECT event_id FROM event_feed WHERE event_id IN (:ids)")
                .param("ids", ids).query(String.class).list());
    }

    /** Up to {@code limit} events of the workspace after {@code after}, in position order. */
    List<FeedEvent> page(String workspaceId, long after, int limit) {
        return jdbc.sql("SELECT position, event_id, contact_id, version, event_type, occurred_at, metadata, payload"
                        + " FROM event_feed WHERE workspace_id = ? AND position > ? ORDER BY position LIMIT ?")
                .params(workspaceId, after, limit)
                .query((rs, i) -> new FeedEvent(rs.getLong(1), rs.getString(2), rs.getString(5), rs.getString(3),
                        rs.getLong(4), instant(rs.getLong(6)), tree(rs.getString(7)), tree(rs.getString(8))))
                .list();
    }

    /** The highest position given so far, across workspaces. */
    long head() {
        return jdbc.sql("SELECT position FROM event_feed_head WHERE id = 1").query(Long.class).single();
    }

    private JsonNode tree(String text) {
        return json.readTree(text);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L));
    }
}
