package io.contactledger.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The write half of Contact Ledger: the command API, the Contact aggregate, the lookup tables. */
@ConfigurationPropertiesScan("io.contactledger.command")
@SpringBootApplication(scanBasePackages = {"io.contactledger.command", "io.contactledger.support"})
public class CommandSideApplication {

    /** Each side reads its own command-side.yml, so both can run in one JVM (tests) without mixing settings. */
    public static final String CONFIG_NAME = "spring.config.name=command-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        new SpringApplicationBuilder(CommandSideApplication.class).properties(CONFIG_NAME).run(args);
    }
}
