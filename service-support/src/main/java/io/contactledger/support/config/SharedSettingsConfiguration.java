package io.contactledger.support.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link SharedSettings} in either application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharedSettings.class)
public class SharedSettingsConfiguration {
}
