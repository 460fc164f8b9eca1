package io.contactledger.command.security;

import java.time.Duration;
import java.util.List;

import io.contactledger.command.CommandSideSettings;

import static io.contactledger.support.security.Role.ADMIN;
import static io.contactledger.support.security.Role.AGENT;
import static io.contactledger.support.security.Role.INTEGRATION;
import static io.contactledger.support.security.Role.WIDGET;

import io.contactledger.support.security.ApiKeys;
import io.contactledger.support.security.LedgerSecurity;
import io.contactledger.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may send which command (DESIGN §6). The widget creates contacts and, for the contact it
 * created, leaves details and links a verified customer ID; agents run every contact command but
 * the link; integrations (the business backend) also link; admins also define custom fields.
 */
@Configuration(proxyBeanMethods = false)
class CommandSecurity {

    private static final String CONTACTS = "/api/v1/workspaces/*/contacts";

    @Bean
    SecurityFilterChain commandFilterChain(HttpSecurity http, ApiKeys keys, CommandSideSettings settings) throws Exception {
        http.cors(cors -> cors.configurationSource(consoleOrigins(settings.console().origins())));
        return LedgerSecurity.build(http, keys, rules -> rules
                .requestMatchers(HttpMethod.POST, CONTACTS).hasAnyRole(roles(WIDGET, AGENT, INTEGRATION, ADMIN))
                .requestMatchers(HttpMethod.POST, CONTACTS + "/*/details").hasAnyRole(roles(WIDGET, AGENT, INTEGRATION, ADMIN))
                .requestMatchers(HttpMethod.PUT, CONTACTS + "/*/customer-id").hasAnyRole(roles(WIDGET, INTEGRATION))
                .requestMatchers(HttpMethod.PUT, "/api/v1/workspaces/*/custom-fields/*").hasRole(ADMIN.name())
                .requestMatchers(CONTACTS + "/*/**").hasAnyRole(roles(AGENT, INTEGRATION, ADMIN)));
    }

    /**
     * The console writes from its own origin (the query side's): the browser asks first (a
     * preflight, answered before any key is checked) and is then allowed the API's methods and
     * headers, and to read the answers' Retry-After and Idempotent-Replayed. No cookies are used.
     */
    static CorsConfigurationSource consoleOrigins(List<String> origins) {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(origins);
        allowed.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id"));
        allowed.setExposedHeaders(List.of("Retry-After", "Idempotent-Replayed", "X-Correlation-Id", "Location"));
        allowed.setAllowCredentials(false);
        allowed.setMaxAge(Duration.ofMinutes(10));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            source.registerCorsConfiguration("/api/v1/**", allowed);
        }
        return source;
    }

    private static String[] roles(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
