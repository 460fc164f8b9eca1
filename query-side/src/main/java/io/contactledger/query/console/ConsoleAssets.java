package io.contactledger.query.console;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's script and style sheet, and nothing else: static files stay off everywhere else
 * (an unknown API path is a 404 problem, not a file lookup).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**")
                .addResourceLocations("classpath:/console/")
                // revalidated on every load, so a new version of the service is never paired with an old script
                .setCacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).mustRevalidate());
    }
}
