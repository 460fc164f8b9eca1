package io.contactledger.query.security;

import io.contactledger.support.security.ApiKeys;
import io.contactledger.support.security.LedgerSecurity;
import io.contactledger.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read (DESIGN §6): agents, integrations, auditors and admins read their workspace;
 * widgets read nothing; operators use /admin and actuator (set up in {@link LedgerSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class QuerySecurity {

    @Bean
    SecurityFilterChain queryFilterChain(HttpSecurity http, ApiKeys keys) throws Exception {
        return LedgerSecurity.build(http, keys, rules -> rules
                // webhooks (DESIGN §10) are set up and watched by admins
                .requestMatchers("/api/v1/workspaces/*/webhooks", "/api/v1/workspaces/*/webhooks/**").hasRole(Role.ADMIN.name())
                // the integration feed (DESIGN §10) is for integrations, auditors and admins, not agents
                .requestMatchers(HttpMethod.GET, "/api/v1/workspaces/*/events")
                .hasAnyRole(Role.INTEGRATION.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/workspaces/*/**")
                .hasAnyRole(Role.AGENT.name(), Role.INTEGRATION.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                // the console's page and assets hold no data; the key it signs in with is checked by the API
                .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/assets/**").permitAll()
                // any valid key may ask what it is (the console explains why a widget or operator key will not do)
                .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated());
    }
}
