package io.contactledger.support.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem+json responses with a stable type URI per kind of problem. */
public final class Problems {

    private static final String TYPE_BASE = "https://contactledger.io/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ResponseEntity<Object> of(HttpStatus status, String kind, String detail) {
        return of(status, kind, detail, Map.of());
    }

    public static ResponseEntity<Object> of(HttpStatus status, String kind, String detail, Map<String, ?> extra) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + kind));
        problem.setTitle(status.getReasonPhrase());
        extra.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A problem the client may simply retry after a second (contention, not yet projected, rate limit). */
    public static ResponseEntity<Object> retryLater(HttpStatus status, String kind, String detail) {
        ResponseEntity<Object> problem = of(status, kind, detail);
        return ResponseEntity.status(status).headers(problem.getHeaders()).header("Retry-After", "1").body(problem.getBody());
    }

    /** Writes a problem straight to the response, for filters that answer before Spring MVC is reached. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind,
            String detail) throws IOException {
        write(request, response, of(status, kind, detail));
    }

    /** Writes a built problem (status, headers, body) straight to the response, for filters. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ResponseEntity<Object> problem)
            throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatusCode().value());
        problem.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.setHeader(name, value));
            }
        });
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = JSON.writeValueAsBytes(asMap((ProblemDetail) problem.getBody(), request));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A problem's members as RFC 9457 lays them out: its extra properties beside the standard ones. */
    private static Map<String, Object> asMap(ProblemDetail problem, HttpServletRequest request) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        } else if (request != null) {
            members.put("instance", request.getRequestURI());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    public static ResponseEntity<Object> invalid(List<FieldViolation> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return of(HttpStatus.BAD_REQUEST, "validation", detail, Map.of("errors", errors));
    }
}
