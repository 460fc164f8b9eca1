package io.contactledger.query.profile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows into one PostgreSQL table with {@code COPY … FROM STDIN}, in the caller's
 * transaction. A rebuild inserts every profile and tag of the store: as multi-row {@code INSERT}s
 * the server parsed and bound three parameters per tag row, and the copy's tag inserts took more
 * of its time than any other statement of a build (pg_stat_activity sampled during one). A row
 * that breaks a key fails the whole copy, as it fails the insert's batch.
 */
final class CopyInserts {

    /** Fewer rows than this go as an ordinary batch: a COPY's own round trips are not worth it. */
    static final int AT_LEAST = 32;

    private CopyInserts() {
    }

    /** Copies {@code rows} (values in {@code columns}' order: strings, numbers, booleans or nulls) into {@code table}. */
    static void copy(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        byte[] text = text(rows).getBytes(StandardCharsets.UTF_8);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
            try {
                copy.writeToCopy(text, 0, text.length);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /** The rows in COPY's text format: tab between values, a line each, {@code \N} for null. */
    static String text(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                value(text, row[i]);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void value(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof Number n) {
            text.append(n);
        } else {
            String s = value.toString();
            int first = 0;
            while (first < s.length() && !special(s.charAt(first))) {
                first++;
            }
            // most values hold none of the four: copied whole, not a character at a time
            text.append(s, 0, first);
            for (int i = first; i < s.length(); i++) {
                char c = s.charAt(i);
                // the four characters COPY's text format gives a meaning; every other one stands for itself
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
