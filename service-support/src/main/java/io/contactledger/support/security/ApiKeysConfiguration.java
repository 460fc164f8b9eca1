package io.contactledger.support.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Both sides read the same {@code LEDGER_API_KEYS}; a missing or malformed one stops start-up. */
@Configuration(proxyBeanMethods = false)
public class ApiKeysConfiguration {

    @Bean
    public ApiKeys apiKeys(@Value("${ledger.security.api-keys:}") String configured) {
        return ApiKeys.parse(configured);
    }
}
