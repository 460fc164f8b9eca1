package io.contactledger.support.store;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append hit the event store's unique (aggregate, sequence) key, so it reports a
 * concurrent write (retried) or an existing stream rather than a storage failure. Axon's own
 * resolver only knows {@code SQLIntegrityConstraintViolationException}, which neither H2's batch
 * errors nor PostgreSQL raise; SQLSTATE 23505 is what both report.
 */
public class UniqueViolation implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
