package io.contactledger.command.security;

import static io.contactledger.support.security.Role.ADMIN;
import static io.contactledger.support.security.Role.AGENT;
import static io.contactledger.support.security.Role.INTEGRATION;
import static io.contactledger.support.security.Role.WIDGET;

import io.contactledger.command.CommandSideSettings;
import io.contactledger.support.security.ApiKeys;
import io.contactledger.support.security.LedgerSecurity;
import io.contactledger.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

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
        http.addFilterBefore(ConsoleCors.filter(settings.console().origins()), BasicAuthenticationFilter.class);
        return LedgerSecurity.build(http, keys, rules -> rules
                .requestMatchers(HttpMethod.POST, CONTACTS).hasAnyRole(roles(WIDGET, AGENT, INTEGRATION, ADMIN))
                .requestMatchers(HttpMethod.POST, CONTACTS + "/*/details").hasAnyRole(roles(WIDGET, AGENT, INTEGRATION, ADMIN))
                .requestMatchers(HttpMethod.PUT, CONTACTS + "/*/customer-id").hasAnyRole(roles(WIDGET, INTEGRATION))
                .requestMatchers(HttpMethod.PUT, "/api/v1/workspaces/*/custom-fields/*").hasRole(ADMIN.name())
                // imports (DESIGN §10): the business backend and admins
                .requestMatchers(HttpMethod.POST, "/api/v1/workspaces/*/imports").hasAnyRole(roles(INTEGRATION, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/v1/workspaces/*/imports/*", "/api/v1/workspaces/*/imports/*/errors")
                .hasAnyRole(roles(INTEGRATION, ADMIN))
                // undoing a merge and erasing a person (DESIGN §9): admins only
                .requestMatchers(HttpMethod.POST, CONTACTS + "/*/unmerge", CONTACTS + "/*/erase").hasRole(ADMIN.name())
                .requestMatchers(CONTACTS + "/*/**").hasAnyRole(roles(AGENT, INTEGRATION, ADMIN)));
    }

    private static String[] roles(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
