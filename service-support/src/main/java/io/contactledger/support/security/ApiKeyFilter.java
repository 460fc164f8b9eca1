package io.contactledger.support.security;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactledger.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} and keeps workspaces apart: a wrong key is
 * a 401; a key used on another workspace's path is a 404, so nothing reveals that the workspace or
 * the contact exists; an operator key under a workspace is a 403. What each role may do is left
 * to the side's authorization rules.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private static final Pattern WORKSPACE_PATH = Pattern.compile("^/api/v1/workspaces/([^/]+)(/.*)?$");
    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? keys.authenticate(header.substring(7).strip()).orElse(null) : null;
        if (caller == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "a valid API key is required");
            return;
        }
        Matcher workspacePath = WORKSPACE_PATH.matcher(request.getRequestURI());
        if (workspacePath.matches() && caller.role() == Role.OPERATOR) {
            Problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "operator keys are for /admin and actuator only");
            return;
        }
        if (workspacePath.matches() && !caller.mayAccessWorkspace(workspacePath.group(1))) {
            Problems.write(request, response, HttpStatus.NOT_FOUND, "not-found", "not found");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                caller, null, List.of(new SimpleGrantedAuthority(caller.role().authority()))));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The caller of the current request, if it presented a valid key. */
    public static java.util.Optional<Caller> currentCaller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? java.util.Optional.of(caller) : java.util.Optional.empty();
    }
}
