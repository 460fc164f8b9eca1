package io.contactledger.query.search;

import java.util.List;
import java.util.Locale;

import io.contactledger.query.profile.LiveTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tags in use in a workspace, most used first: the console's suggestions when an agent adds a tag. */
@Component
class WorkspaceTags {

    /** A tag and how many contacts carry it. */
    record TagUse(String tag, long contacts) {
    }

    private final JdbcClient jdbc;
    private final LiveTables live;

    WorkspaceTags(JdbcClient jdbc, LiveTables live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    List<TagUse> inUse(String workspaceId, String prefix, int limit) {
        String pattern = escapeLike(prefix.toLowerCase(Locale.ROOT)) + "%";
        return jdbc.sql("SELECT tag, COUNT(*) FROM " + live.current().tags() + " WHERE workspace_id = ? AND tag LIKE ? ESCAPE '\\'"
                        + " GROUP BY tag ORDER BY COUNT(*) DESC, tag FETCH FIRST " + limit + " ROWS ONLY")
                .params(workspaceId, pattern)
                .query((rs, row) -> new TagUse(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private static String escapeLike(String raw) {
        return raw.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
