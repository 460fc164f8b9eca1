package io.contactledger.support.security;

import io.contactledger.support.config.SharedSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Both sides read the same {@code LEDGER_API_KEYS}; a missing or malformed one stops start-up. */
@Configuration(proxyBeanMethods = false)
public class ApiKeysConfiguration {

    @Bean
    public ApiKeys apiKeys(SharedSettings settings) {
        return ApiKeys.parse(settings.security().apiKeys());
    }
}
