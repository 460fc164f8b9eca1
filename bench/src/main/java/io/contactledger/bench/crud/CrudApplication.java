package io.contactledger.bench.crud;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The CRUD baseline of the benchmark: the contact commands as a team would build them without
 * event sourcing — one Spring Boot service on the same Tomcat, Spring Security with an API-key
 * filter, Jackson, and one JDBC statement (or two) per request on the same PostgreSQL. Started by
 * the benchmark from its own jar; never part of the product.
 */
@SpringBootApplication
public class CrudApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CrudApplication.class);
        app.setDefaultProperties(Map.of(
                "spring.datasource.url", System.getenv().getOrDefault("LEDGER_DB_URL", ""),
                "spring.datasource.username", System.getenv().getOrDefault("LEDGER_DB_USER", "postgres"),
                "spring.datasource.password", System.getenv().getOrDefault("LEDGER_DB_PASSWORD", ""),
                "spring.datasource.hikari.maximum-pool-size", "10",
                "spring.flyway.locations", "classpath:db/crud",
                "spring.flyway.create-schemas", "true",
                "server.tomcat.threads.max", "32",
                "spring.main.banner-mode", "off"));
        app.run(args);
    }
}
