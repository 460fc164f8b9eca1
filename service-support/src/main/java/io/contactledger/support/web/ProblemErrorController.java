package io.contactledger.support.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to /error (a request Spring Security's firewall or the
 * container refused, an error sent without a body) answers in the same problem+json as every
 * other error, never Spring's default {@code {timestamp, status, error, path}}.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is2xxSuccessful() || status.is3xxRedirection()) {
            status = HttpStatus.NOT_FOUND;
        }
        ResponseEntity<Object> problem = Problems.of(status, "http-" + status.value(), status.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && problem.getBody() instanceof ProblemDetail detail) {
            try {
                detail.setInstance(URI.create(uri.toString()));
            } catch (IllegalArgumentException unparsable) {
                detail.setInstance(URI.create("/"));
            }
        }
        return problem;
    }
}
