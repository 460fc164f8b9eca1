package io.contactledger.support.idempotency;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactledger.support.idempotency.IdempotentRequests.InProgress;
import io.contactledger.support.idempotency.IdempotentRequests.Mismatch;
import io.contactledger.support.idempotency.IdempotentRequests.Replay;
import io.contactledger.support.idempotency.IdempotentRequests.Start;
import io.contactledger.support.security.ApiKeyFilter;
import io.contactledger.support.security.Caller;
import io.contactledger.support.web.DatabaseUnavailable;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.Problems;
import io.contactledger.support.web.RequestTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every write of either side (DESIGN §7): a workspace's, or an
 * operator's under /admin (kept under the workspace "*"). The first request under a key runs inside one database transaction that also keeps its answer, so the answer exists exactly
 * when the command's events do; a repeat gets that answer with {@code Idempotent-Replayed: true}
 * and changes nothing. Runs after authentication: answers are kept per API key name.
 */
@Component
@Order(0)
@EnableConfigurationProperties(IdempotencySettings.class)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Pattern WORKSPACE_PATH = Pattern.compile("^/api/v1/workspaces/([^/]+)/.+$");
    /** Operator writes (a rebuild, a retry of parked events) belong to no workspace. */
    private static final String GLOBAL = "*";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotentRequests requests;
    private final TransactionTemplate transaction;
    private final List<AfterRollback> afterRollback;
    /** This instance's name in a request's lease. */
    private final String instance = UUID.randomUUID().toString();

    IdempotencyFilter(IdempotentRequests requests, PlatformTransactionManager transactions, List<AfterRollback> afterRollback) {
        this.requests = requests;
        this.transaction = new TransactionTemplate(transactions);
        this.afterRollback = afterRollback;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        Matcher workspacePath = WORKSPACE_PATH.matcher(request.getRequestURI());
        boolean global = request.getRequestURI().startsWith("/admin/");
        Optional<Caller> caller = ApiKeyFilter.currentCaller();
        // a merge preview records nothing, so a repeat is harmless; and its answer holds personal
        // values, which must not be kept where an erasure would not find them
        boolean preview = request.getRequestURI().endsWith("/merge/preview");
        if (key == null || preview || !WRITES.contains(request.getMethod()) || !workspacePath.matches() && !global
                || caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!IdempotencyScope.isValidKey(key)) {
            Problems.write(request, response, Problems.invalid(List.of(new FieldViolation(KEY_HEADER,
                    "must be 1-" + IdempotencyScope.MAX_KEY_LENGTH + " printable ASCII characters"))));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestTooLarge e) {
            Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "request body is larger than 64 KiB");
            return;
        }
        IdempotencyScope scope = new IdempotencyScope(global ? GLOBAL : workspacePath.group(1), caller.get().name(), key);
        Start start;
        try {
            start = requests.start(scope, fingerprint(request, body), instance);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            Problems.write(request, response, DatabaseUnavailable.problem(false));
            return;
        }
        if (start instanceof Replay replay) {
            replay(replay.answer(), response);
        } else if (start instanceof InProgress) {
            Problems.write(request, response, Problems.retryLater(HttpStatus.CONFLICT, "idempotency-in-progress",
                    "a request with this Idempotency-Key is still running; retry"));
        } else if (start instanceof Mismatch) {
            Problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request"));
        } else {
            runOnce(new CachedBodyRequest(request, body), response, chain, scope);
        }
    }

    /** Runs the request; its events and its kept answer commit together, or neither does. */
    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            IdempotencyScope scope) throws IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                try {
                    chain.doFilter(request, captured);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                StoredAnswer answer = new StoredAnswer(captured.getStatus(), captured.getContentType(),
                        captured.getContentAsByteArray());
                if (!StoredAnswer.isKept(answer.status())) {
                    status.setRollbackOnly();
                    return Outcome.NOT_KEPT;
                }
                if (!requests.complete(scope, instance, answer)) {
                    status.setRollbackOnly();
                    return Outcome.TAKEN_OVER;
                }
                return Outcome.KEPT;
            });
        } catch (RuntimeException e) {
            // The commit failed, or the database went away during it: the events may or may not
            // be stored. A retry under the same key finds out (the answer commits with them).
            forgetCachedContacts();
            giveUp(scope);
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            log.warn("{} {}: outcome unknown, {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            captured.reset();
            Problems.write(request, response, DatabaseUnavailable.problem(true));
            return;
        }
        if (outcome != Outcome.KEPT) {
            forgetCachedContacts();
            giveUp(scope);
        }
        if (outcome == Outcome.TAKEN_OVER) {
            captured.reset();
            Problems.write(request, response, Problems.retryLater(HttpStatus.CONFLICT, "idempotency-in-progress",
                    "a repeat of this request took it over; retry to get its answer"));
            return;
        }
        captured.copyBodyToResponse();
    }

    private enum Outcome { KEPT, NOT_KEPT, TAKEN_OVER }

    /** A rolled-back request may have left in-memory state (cached contacts) the store never got. */
    private void forgetCachedContacts() {
        afterRollback.forEach(AfterRollback::forget);
    }

    private void giveUp(IdempotencyScope scope) {
        try {
            requests.release(scope, instance);
        } catch (RuntimeException e) {
            log.debug("could not release idempotency key; it frees itself when its lease ends", e);
        }
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.body() != null) {
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }

    /** Method, path, query, content type and body: a repeat must match all of them. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {request.getMethod(), request.getRequestURI(),
                    String.valueOf(request.getQueryString()), String.valueOf(request.getContentType())}) {
                digest.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
