package io.contactledger.support.security;

import io.contactledger.support.web.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The Spring Security set-up both sides share: stateless, API keys only, problem+json for 401 and
 * 403, health and the OpenAPI description open, other actuator endpoints for operators. Each side
 * adds its own rules for its API.
 */
public final class LedgerSecurity {

    private LedgerSecurity() {
    }

    public static SecurityFilterChain build(HttpSecurity http, ApiKeys keys,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> apiRules)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "a valid API key is required");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "this key's role may not do that")))
                .addFilterBefore(new ApiKeyFilter(keys), AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> {
                    // The request was authorized when it arrived; the dispatch that writes an
                    // asynchronous answer (a minVersion wait) carries no key of its own.
                    rules.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/error",
                                    "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll();
                    rules.requestMatchers("/actuator/**", "/admin/**").hasRole(Role.OPERATOR.name());
                    apiRules.customize(rules);
                    rules.anyRequest().denyAll();
                })
                .build();
    }
}
