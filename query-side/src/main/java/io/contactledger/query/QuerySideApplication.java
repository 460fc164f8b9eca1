package io.contactledger.query;

import io.contactledger.query.QuerySideSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The read half of Contact Ledger: projections, profile views, search, history and as-of replay. */
@ConfigurationPropertiesScan("io.contactledger.query")
@SpringBootApplication(scanBasePackages = {"io.contactledger.query", "io.contactledger.support"})
public class QuerySideApplication {

    /** Each side reads its own query-side.yml, so both can run in one JVM (tests) without mixing settings. */
    public static final String CONFIG_NAME = "spring.config.name=query-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        new SpringApplicationBuilder(QuerySideApplication.class).properties(CONFIG_NAME).run(args);
    }
}
