package io.contactledger.bench.crud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same kind of authentication as the product's (its keys, from LEDGER_API_KEYS): a bearer key
 * hashed with SHA-256 and compared in constant time with every configured key, in a filter before
 * Spring Security's authorization; stateless. Written here rather than taken from the product so
 * the baseline carries none of the product's other machinery (Axon, idempotency, strict edges).
 */
@Configuration(proxyBeanMethods = false)
class CrudSecurity {

    private record Key(String name, String workspace, byte[] hash) {
    }

    @Bean
    SecurityFilterChain crudChain(HttpSecurity http) throws Exception {
        List<Key> keys = keys(System.getenv().getOrDefault("LEDGER_API_KEYS", ""));
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        String header = request.getHeader("Authorization");
                        if (header != null && header.startsWith("Bearer ")) {
                            byte[] presented = sha256(header.substring(7).strip());
                            Key found = null;
                            for (Key key : keys) {
                                if (MessageDigest.isEqual(key.hash(), presented)) {
                                    found = key;
                                }
                            }
                            if (found == null) {
                                response.sendError(401);
                                return;
                            }
                            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                                    found.name(), null, List.of(new SimpleGrantedAuthority("ROLE_WRITER"))));
                        }
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    }
                }, AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health").permitAll()
                        .requestMatchers("/api/v1/workspaces/*/**").hasRole("WRITER")
                        .anyRequest().denyAll())
                .build();
    }

    /** {@code name=key@workspace:role,...} */
    private static List<Key> keys(String configured) {
        List<Key> keys = new ArrayList<>();
        for (String entry : configured.split(",")) {
            int equals = entry.indexOf('=');
            int at = entry.lastIndexOf('@');
            if (equals > 0 && at > equals) {
                String workspace = entry.substring(at + 1, entry.indexOf(':', at) < 0 ? entry.length() : entry.indexOf(':', at));
                keys.add(new Key(entry.substring(0, equals), workspace, sha256(entry.substring(equals + 1, at))));
            }
        }
        return keys;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
