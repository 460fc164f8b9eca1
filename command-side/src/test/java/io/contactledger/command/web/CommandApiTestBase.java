package io.contactledger.command.web;

import io.contactledger.command.CommandSideApplication;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.OpenApiContract;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command side running for real on a random port, on a fresh database per test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = CommandSideApplication.CONFIG_NAME)
abstract class CommandApiTestBase {

    static final String WS = "/api/v1/workspaces/demo";
    private static TestDatabase database;

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    /** An integration key of workspace demo: it may run every contact command. */
    Http http;
    /** An admin key of workspace demo: it also defines custom fields. */
    Http admin;
    Http anonymous;

    @BeforeAll
    static void freshDatabase() {
        database = TestDatabase.create("command_api");
    }

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, () -> database);
    }

    @BeforeEach
    void client() {
        // every exchange of every API test is checked against the side's served OpenAPI document
        String base = "http://localhost:" + port;
        anonymous = new Http(base).observedBy(OpenApiContract.servedBy(base));
        http = anonymous.with(TestKeys.bearer("integration", "demo"));
        admin = anonymous.with(TestKeys.bearer("admin", "demo"));
    }

    long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    long eventCount(String contactId, String eventType) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .params("demo/" + contactId, "io.contactledger.events." + eventType)
                .query(Long.class).single();
    }

    Http.Response create(String contactId) {
        return http.post(WS + "/contacts", "{\"contactId\":\"" + contactId + "\"}");
    }
}
