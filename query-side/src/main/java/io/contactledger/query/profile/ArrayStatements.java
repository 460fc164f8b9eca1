package io.contactledger.query.profile;

import java.sql.PreparedStatement;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs one PostgreSQL statement over many rows at once, each column bound as one array that the
 * statement takes apart with {@code unnest}, in the caller's transaction. A JDBC batch of
 * {@code UPDATE}s is one round trip but still one execution per row on the server; a rebuild over
 * a store whose contacts have events all over it updates tens of thousands of profiles, one
 * execution each.
 */
final class ArrayStatements {

    /** Fewer rows than this go as an ordinary batch: they are as cheap as one statement over arrays. */
    static final int AT_LEAST = 32;

    private ArrayStatements() {
    }

    /**
     * Executes {@code sql}, whose parameters are arrays of {@code elementTypes} (one per column of
     * {@code rows}, in order), and answers how many rows it changed.
     */
    static int execute(JdbcTemplate jdbc, String sql, List<Object[]> rows, List<String> elementTypes) {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int column = 0; column < elementTypes.size(); column++) {
                    Object[] values = new Object[rows.size()];
                    for (int row = 0; row < values.length; row++) {
                        values[row] = rows.get(row)[column];
                    }
                    statement.setArray(column + 1, connection.createArrayOf(elementTypes.get(column), values));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** {@code unnest(?::t1[], ?::t2[], …) AS alias(c1, c2, …)}: the rows as a table to join with. */
    static String unnest(String alias, List<String> columns, List<String> elementTypes) {
        StringBuilder sql = new StringBuilder("unnest(");
        for (int i = 0; i < elementTypes.size(); i++) {
            sql.append(i > 0 ? ", " : "").append("?::").append(elementTypes.get(i)).append("[]");
        }
        return sql.append(") AS ").append(alias).append(" (").append(String.join(", ", columns)).append(')').toString();
    }
}
