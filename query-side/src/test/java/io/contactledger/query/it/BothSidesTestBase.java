package io.contactledger.query.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.contactledger.command.CommandSideApplication;
import io.contactledger.query.QuerySideApplication;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.OpenApiContract;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Both applications in one JVM on one fresh database: the command side started by hand, the query
 * side as the Spring test context. Tests drive commands through the command API over HTTP and
 * read through the query API over HTTP, exactly as clients do.
 */
// Every class gets its own database, so its query-side context must not be reused by the next class.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = QuerySideApplication.CONFIG_NAME)
abstract class BothSidesTestBase {

    static final String WS = "/api/v1/workspaces/demo";
    static TestDatabase database;
    static ConfigurableApplicationContext commandSide;

    @Value("${local.server.port}")
    int queryPort;
    /** Commands as the demo workspace's integration (it may run every contact command). */
    Http commands;
    /** Commands as the demo workspace's admin (it also defines custom fields). */
    Http adminCommands;
    /** Reads as the demo workspace's agent. */
    Http queries;
    /** The query side as an operator (/admin, actuator). */
    Http operator;
    Http anonymousQueries;

    @BeforeAll
    static void startCommandSide() {
        database = TestDatabase.create("both_sides");
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(CommandSideApplication.CONFIG_NAME)
                .run("--server.port=0", "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--ledger.security.api-keys=" + TestKeys.API_KEYS,
                        "--ledger.security.token-secret=" + TestKeys.TOKEN_SECRET,
                        "--ledger.security.identity-secrets=" + TestKeys.IDENTITY_SECRETS,
                        "--ledger.security.widget-requests-per-second=100000");
    }

    @AfterAll
    static void stopCommandSide() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, () -> database);
    }

    @BeforeEach
    void clients() {
        // every exchange of every API test is checked against the side's served OpenAPI document
        String commandBase = "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
        Http commandSideHttp = new Http(commandBase).observedBy(OpenApiContract.servedBy(commandBase));
        commands = commandSideHttp.with(TestKeys.bearer("integration", "demo"));
        adminCommands = commandSideHttp.with(TestKeys.bearer("admin", "demo"));
        String queryBase = "http://localhost:" + queryPort;
        anonymousQueries = new Http(queryBase).observedBy(OpenApiContract.servedBy(queryBase));
        queries = anonymousQueries.with(TestKeys.bearer("agent", "demo"));
        operator = anonymousQueries.with(TestKeys.operator());
    }

    /** The contact's version after the command, read from the command's answer. */
    static long version(Http.Response response) {
        if (response.status() >= 300) {
            throw new AssertionError("command failed: " + response);
        }
        return response.json().get("version").asLong();
    }

    static void eventually(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
