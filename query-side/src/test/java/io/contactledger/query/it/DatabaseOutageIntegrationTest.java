package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import io.contactledger.command.CommandSideApplication;
import io.contactledger.query.QuerySideApplication;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TcpProxy;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The services ride out their database: while PostgreSQL cannot be reached (both sides talk to it
 * through a relay the test cuts), commands and reads answer 503 problem+json with Retry-After and
 * health says DOWN; when it is back, both recover without a restart, a command retried under its
 * Idempotency-Key is recorded once, and the projection resumes by itself.
 */
class DatabaseOutageIntegrationTest {

    private static final String WS = "/api/v1/workspaces/demo/contacts";
    private static TcpProxy proxy;
    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;
    private static TestDatabase direct;

    @BeforeAll
    static void bothSidesThroughARelay() throws Exception {
        assumeTrue(TestDatabase.postgresRequested(), "an outage of PostgreSQL; the PostgreSQL run covers it");
        direct = TestDatabase.createPostgres("outage");
        URI pg = URI.create(TestDatabase.PG_URL.substring("jdbc:".length()));
        proxy = new TcpProxy(pg.getHost(), pg.getPort());
        TestDatabase relayed = direct.through("127.0.0.1", proxy.port());
        commandSide = start(CommandSideApplication.class, CommandSideApplication.CONFIG_NAME, relayed);
        querySide = start(QuerySideApplication.class, QuerySideApplication.CONFIG_NAME, relayed);
    }

    private static ConfigurableApplicationContext start(Class<?> application, String config, TestDatabase database) {
        return new SpringApplicationBuilder(application).properties(config)
                .run("--server.port=0", "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--ledger.security.api-keys=" + TestKeys.API_KEYS,
                        "--ledger.security.token-secret=" + TestKeys.TOKEN_SECRET,
                        "--ledger.security.identity-secrets=" + TestKeys.IDENTITY_SECRETS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static Http client(ConfigurableApplicationContext side, String... headers) {
        return new Http("http://localhost:" + side.getEnvironment().getProperty("local.server.port")).with(headers);
    }

    @Test
    void whileTheDatabaseIsAwayEveryAnswerIs503AndAfterwardsNothingIsLostOrDoubled() throws Exception {
        Http commands = client(commandSide, TestKeys.bearer("integration", "demo"));
        Http queries = client(querySide, TestKeys.bearer("agent", "demo"));
        Http health = client(querySide);
        // given a projected contact
        assertThat(commands.post(WS, "{\"contactId\":\"steady\"}").status()).isEqualTo(201);
        assertThat(queries.get(WS + "/steady?minVersion=0").status()).isEqualTo(200);

        // when the database goes away
        proxy.cut();

        // then commands, reads and health answer 503 problem+json with Retry-After
        Http.Response note = commands.post(WS + "/steady/notes", "{\"text\":\"during the outage\"}", "Idempotency-Key", "outage-note");
        Http.Response read = queries.get(WS + "/steady");
        Http.Response plain = commands.post(WS + "/steady/tags", "{\"tag\":\"vip\"}");
        for (Http.Response answer : new Http.Response[] {note, read, plain}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isNotNull();
        }
        Http.Response down = health.get("/actuator/health");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("status").asText()).isEqualTo("DOWN");

        // and when it is back
        proxy.restore();

        // then the note retried under its key is recorded once, the retry answering as a repeat does
        Http.Response retried = eventually(() -> commands.post(WS + "/steady/notes", "{\"text\":\"during the outage\"}",
                "Idempotency-Key", "outage-note"), Duration.ofSeconds(30));
        assertThat(retried.status()).isEqualTo(201);
        Http.Response repeated = commands.post(WS + "/steady/notes", "{\"text\":\"during the outage\"}", "Idempotency-Key", "outage-note");
        assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeated.text()).isEqualTo(retried.text());
        try (var connection = direct.connect(); var count = connection.prepareStatement(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'demo/steady' AND payload_type LIKE '%NoteWritten'")) {
            var rs = count.executeQuery();
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
        // and the projection resumes by itself: a contact created now is projected (Axon retries a
        // failed segment after at most a minute)
        long version = retried.json().get("version").asLong();
        Http.Response caughtUp = eventually(() -> queries.get(WS + "/steady?minVersion=" + version), Duration.ofSeconds(90));
        assertThat(caughtUp.json().get("notes")).hasSize(1);
        // a processor in error retries with a backoff that doubles to 60 s through the outage (Axon's and the
        // watchdog's alike), so health may wait out two such periods after the restore: 90 s failed once in CI
        assertThat(eventually(() -> health.get("/actuator/health"), Duration.ofSeconds(180)).json().get("status").asText())
                .isEqualTo("UP");
    }

    /** Repeats a request until it answers below 500, as a client honouring Retry-After does. */
    private static Http.Response eventually(Supplier<Http.Response> request, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Response last = request.get();
        while (last.status() >= 500 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            last = request.get();
        }
        return last;
    }
}
