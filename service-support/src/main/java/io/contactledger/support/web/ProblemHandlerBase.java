package io.contactledger.support.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The problem+json mapping both sides share: Spring MVC's own failures (415, 405, 404, unreadable
 * JSON), oversized bodies, request-level validation and the last-resort 500. Each side extends it
 * with one advice that maps its domain exceptions, so every error is mapped in one place per side.
 */
public abstract class ProblemHandlerBase extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlerBase.class);

    @ExceptionHandler(InvalidRequest.class)
    public ResponseEntity<Object> invalidRequest(InvalidRequest e) {
        return Problems.invalid(e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(List.of(new FieldViolation(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("database unavailable: {}", e.getMessage());
            return DatabaseUnavailable.problem(!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()));
        }
        log.error("unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error occurred");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestTooLarge.class)) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "request body is larger than 64 KiB");
        }
        JacksonException json = findCause(e, JacksonException.class);
        if (json == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "request body is missing or not readable JSON");
        }
        String field = json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (json instanceof UnrecognizedPropertyException) {
            return Problems.invalid(List.of(new FieldViolation(field, "is not a known field")));
        }
        if (field.isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "request body is not valid JSON of the expected shape");
        }
        return Problems.invalid(List.of(new FieldViolation(field, "has the wrong type or format")));
    }

    /** Gives Spring's own problems (405, 415, 404 …) our type URIs and the problem+json shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create("https://contactledger.io/problems/http-" + status.value()));
        }
        return response;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return findCause(e, type) != null;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
