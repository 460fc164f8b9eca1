package io.contactledger.query.profile;

import java.sql.Types;
import java.time.Duration;
import java.util.List;

import io.contactledger.events.ContactType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live projection's writes as a short log ({@code profile_change}), for the update streams of
 * every query-side instance to poll. A table of its own rather than a stamp on the profile row: a
 * stamp every write changes, indexed for the poll, kept every profile update off the heap-only
 * path and wrote all the profile's index entries again (docs/decisions.md, "Live updates").
 */
@Component
public class ProfileChanges {

    /** Far longer than any poll's overlap; a stream that falls further behind reconnects to the current state. */
    public static final Duration KEPT = Duration.ofMinutes(10);

    private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ProfileChanges(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Records a batch's writes, in the batch's transaction. */
    void record(List<ProfileChange> changes) {
        if (!changes.isEmpty()) {
            batches.batchUpdate("INSERT INTO profile_change (projected_at, workspace_id, contact_id, version, type)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    changes.stream().map(c -> new Object[] {c.projectedAt(), c.workspaceId(), c.contactId(), c.version(),
                            c.type().name()}).toList(), TYPES);
        }
    }

    /**
     * Writes at or after {@code since} (epoch ms), oldest first, then by key and version after
     * {@code after} when a previous page ended on the same instant.
     */
    public List<ProfileChange> since(long since, ProfileChange after, int limit) {
        String keyset = after == null ? "projected_at >= ?"
                : "(projected_at > ? OR (projected_at = ? AND (workspace_id > ? OR (workspace_id = ? AND (contact_id > ?"
                        + " OR (contact_id = ? AND version > ?))))))";
        List<Object> params = after == null ? List.of(since)
                : List.of(after.projectedAt(), after.projectedAt(), after.workspaceId(), after.workspaceId(), after.contactId(),
                        after.contactId(), after.version());
        return jdbc.sql("SELECT workspace_id, contact_id, version, type, projected_at FROM profile_change WHERE " + keyset
                        + " ORDER BY projected_at, workspace_id, contact_id, version FETCH FIRST " + limit + " ROWS ONLY")
                .params(params)
                .query((rs, row) -> new ProfileChange(rs.getString(1), rs.getString(2), rs.getLong(3),
                        ContactType.valueOf(rs.getString(4)), rs.getLong(5)))
                .list();
    }

    /** Forgets writes older than {@link #KEPT}; any instance may, any number of times. */
    public int forgetOlderThan(long now) {
        return jdbc.sql("DELETE FROM profile_change WHERE projected_at < ?").param(now - KEPT.toMillis()).update();
    }
}
