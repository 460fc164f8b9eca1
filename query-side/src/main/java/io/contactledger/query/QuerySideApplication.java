package io.contactledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read half of Contact Ledger: projections, profile views, search, history and as-of replay. */
@SpringBootApplication(scanBasePackages = {"io.contactledger.query", "io.contactledger.support"})
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
