package io.contactledger.support.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table of requests sent with an Idempotency-Key, shared by every command-side instance. A
 * request is IN_FLIGHT while its first sender runs it, under a lease; DONE once its answer is kept,
 * which happens in the same transaction as the command's events.
 */
@Component
class IdempotentRequests {

    private static final String IN_FLIGHT = "IN_FLIGHT";
    private static final String DONE = "DONE";
    private static final String WHERE_KEY = " WHERE workspace_id = ? AND key_name = ? AND idempotency_key = ?";

    /** What a request found when it started. */
    sealed interface Start permits Started, Replay, InProgress, Mismatch {
    }

    /** This request runs; it owns the row until it completes it or gives it up. */
    record Started() implements Start {
    }

    /** The same request was answered before: its answer again. */
    record Replay(StoredAnswer answer) implements Start {
    }

    /** The same request is running elsewhere and its lease has not run out. */
    record InProgress() implements Start {
    }

    /** The key was used for another request (method, path or body). */
    record Mismatch() implements Start {
    }

    private record Row(String requestHash, String state, long leaseUntil, Integer status, String contentType, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;

    IdempotentRequests(JdbcClient jdbc, IdempotencySettings settings) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        this.lease = settings.lease();
    }

    /** Claims the request for {@code owner}, or says why it must not run (each statement commits on its own). */
    Start start(IdempotencyScope scope, String requestHash, String owner) {
        while (true) {
            long now = clock.millis();
            try {
                jdbc.sql("INSERT INTO idempotent_request (workspace_id, key_name, idempotency_key, request_hash, state,"
                                + " owner, lease_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(scope.workspaceId(), scope.keyName(), scope.idempotencyKey(), requestHash, IN_FLIGHT,
                                owner, now + lease.toMillis(), now)
                        .update();
                return new Started();
            } catch (DuplicateKeyException seenBefore) {
                Optional<Row> row = find(scope);
                if (row.isEmpty()) {
                    continue; // given up by its owner meanwhile: claim it afresh
                }
                Row found = row.get();
                if (!found.requestHash().equals(requestHash)) {
                    return new Mismatch();
                }
                if (DONE.equals(found.state())) {
                    return new Replay(new StoredAnswer(found.status(), found.contentType(), found.body()));
                }
                if (found.leaseUntil() > now) {
                    return new InProgress();
                }
                // Its first sender died or lost the database before committing: take it over,
                // unless another repeat did so first.
                int taken = jdbc.sql("UPDATE idempotent_request SET owner = ?, lease_until = ?" + WHERE_KEY
                                + " AND state = ? AND lease_until = ?")
                        .params(owner, now + lease.toMillis(), scope.workspaceId(), scope.keyName(),
                                scope.idempotencyKey(), IN_FLIGHT, found.leaseUntil())
                        .update();
                if (taken == 1) {
                    return new Started();
                }
            }
        }
    }

    /** Keeps the answer; in the caller's transaction. False when the request is no longer ours. */
    boolean complete(IdempotencyScope scope, String owner, StoredAnswer answer) {
        return jdbc.sql("UPDATE idempotent_request SET state = ?, status = ?, content_type = ?, body = ?" + WHERE_KEY
                        + " AND owner = ? AND state = ?")
                .params(DONE, answer.status(), answer.contentType(), answer.body(), scope.workspaceId(),
                        scope.keyName(), scope.idempotencyKey(), owner, IN_FLIGHT)
                .update() == 1;
    }

    /** Gives the request up without an answer, so a repeat runs it at once. */
    void release(IdempotencyScope scope, String owner) {
        jdbc.sql("DELETE FROM idempotent_request" + WHERE_KEY + " AND owner = ? AND state = ?")
                .params(scope.workspaceId(), scope.keyName(), scope.idempotencyKey(), owner, IN_FLIGHT)
                .update();
    }

    /** Forgets requests first seen before {@code cutoffMillis}; safe when several instances purge at once. */
    int purgeOlderThan(long cutoffMillis) {
        return jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?").params(cutoffMillis).update();
    }

    private Optional<Row> find(IdempotencyScope scope) {
        return jdbc.sql("SELECT request_hash, state, lease_until, status, content_type, body FROM idempotent_request" + WHERE_KEY)
                .params(scope.workspaceId(), scope.keyName(), scope.idempotencyKey())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getBytes(6)))
                .optional();
    }
}
