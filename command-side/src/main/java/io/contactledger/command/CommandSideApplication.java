package io.contactledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write half of Contact Ledger: the command API, the Contact aggregate, the lookup tables. */
@SpringBootApplication(scanBasePackages = {"io.contactledger.command", "io.contactledger.support"})
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
