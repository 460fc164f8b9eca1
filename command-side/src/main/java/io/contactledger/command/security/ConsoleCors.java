package io.contactledger.command.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.contactledger.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for the agent console, which is served by the query side and writes here from the browser
 * (DESIGN §8): its origins may send the API's methods and headers (a preflight is answered before
 * any key is checked) and read Retry-After and Idempotent-Replayed. A request from another origin
 * is refused with a problem+json 403, like every other refusal, not Spring's plain-text one.
 */
final class ConsoleCors {

    private ConsoleCors() {
    }

    static CorsFilter filter(List<String> origins) {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(origins);
        allowed.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id"));
        allowed.setExposedHeaders(List.of("Retry-After", "Idempotent-Replayed", "X-Correlation-Id"));
        // keys travel in a header, never in cookies
        allowed.setAllowCredentials(false);
        allowed.setMaxAge(Duration.ofMinutes(10));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // with no origins configured, every cross-origin request is refused
        source.registerCorsConfiguration("/**", allowed);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    /** Spring's checks, with the refusal written as problem+json. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();

        @Override
        public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            REQUEST.set(request);
            try {
                return super.processRequest(config, request, response);
            } finally {
                REQUEST.remove();
            }
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
            Problems.write(REQUEST.get(), servlet, HttpStatus.FORBIDDEN, "cors-refused",
                    "this origin may not call the API from a browser (LEDGER_CONSOLE_ORIGINS lists the ones that may)");
        }
    }
}
