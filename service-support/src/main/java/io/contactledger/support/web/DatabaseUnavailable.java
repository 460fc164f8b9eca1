package io.contactledger.support.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database connection (down, restarting, pool exhausted) from a bug, and
 * answers it as 503 with Retry-After: the client did nothing wrong and may retry.
 */
public final class DatabaseUnavailable {

    /** SQLSTATE classes and codes of lost or refused connections (PostgreSQL and H2). */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "90067", "90098", "90121");

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer while the database is unreachable. For a write the outcome may be unknown (the
     * connection can drop during the commit), so the answer says how to find out.
     */
    public static ResponseEntity<Object> problem(boolean write) {
        String detail = write
                ? "the database could not be reached, so this command may or may not have been recorded;"
                        + " retry it with the same Idempotency-Key (a recorded command then answers as it did)"
                : "the database could not be reached; retry shortly";
        return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, write ? "outcome-unknown" : "database-unavailable", detail);
    }
}
