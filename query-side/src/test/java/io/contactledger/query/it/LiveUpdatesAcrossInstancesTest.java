package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.contactledger.command.CommandSideApplication;
import io.contactledger.query.QuerySideApplication;
import io.contactledger.query.profile.ProfileChange;
import io.contactledger.query.profile.ProfileCommits;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * DESIGN §8 across instances, on PostgreSQL: a stream held by one query-side instance delivers,
 * within 1 s of the command's answer, an update that another instance projected. Each instance
 * records what it projected, so the test knows the update crossed instances.
 */
class LiveUpdatesAcrossInstancesTest {

    private static final String WS = "/api/v1/workspaces/demo";

    /** What one instance's projection committed: contact → highest version. */
    static final class Projected implements ProfileCommits {
        final Map<String, Long> versions = new ConcurrentHashMap<>();

        @Override
        public void committed(List<ProfileChange> changes) {
            changes.forEach(c -> versions.merge(c.contactId(), c.version(), Math::max));
        }
    }

    static TestDatabase database;
    static ConfigurableApplicationContext commandSide;
    static ConfigurableApplicationContext holder;
    static ConfigurableApplicationContext projector;
    static final Projected byHolder = new Projected();
    static final Projected byProjector = new Projected();

    @BeforeAll
    static void start() {
        database = TestDatabase.createPostgres("live_across");
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class).properties(CommandSideApplication.CONFIG_NAME)
                .run(args("--ledger.security.widget-requests-per-second=100000"));
        holder = querySide(byHolder);
        projector = querySide(byProjector);
    }

    private static ConfigurableApplicationContext querySide(Projected recorder) {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties(QuerySideApplication.CONFIG_NAME)
                .initializers(context -> context.getBeanFactory().registerSingleton("recorder-" + System.identityHashCode(recorder), recorder))
                .run(args("--ledger.processors.balance-interval-ms=300"));
    }

    private static String[] args(String extra) {
        return new String[] {"--server.port=0", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--ledger.security.api-keys=" + TestKeys.API_KEYS, "--ledger.security.token-secret=" + TestKeys.TOKEN_SECRET,
                "--ledger.security.identity-secrets=" + TestKeys.IDENTITY_SECRETS, extra};
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {projector, holder, commandSide}) {
            if (context != null) {
                context.close();
            }
        }
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void givenAStreamOnOneInstance_whenAnotherInstanceProjectsTheChange_thenItArrivesWithinOneSecond() throws Exception {
        Http commands = new Http(base(commandSide)).with(TestKeys.bearer("integration", "demo"));
        List<String> candidates = new ArrayList<>(contactsProjectedOnlyByTheOtherInstance(commands));

        List<Long> crossed = new ArrayList<>();
        List<Long> local = new ArrayList<>();
        for (int i = 0; crossed.size() < 5 && i < 40; i++) {
            String contactId = candidates.get(i % candidates.size());
            try (EventStreamReader updates = EventStreamReader.open(base(holder) + WS + "/contacts/" + contactId + "/updates",
                    TestKeys.bearer("agent", "demo"))) {
                updates.next("profile", Duration.ofSeconds(5));
                Http.Response answer = commands.post(WS + "/contacts/" + contactId + "/tags", "{\"tag\":\"across-" + i + "\"}");
                long answered = System.nanoTime();
                long version = answer.json().get("version").asLong();
                EventStreamReader.Event event = updates.next("profile", Duration.ofSeconds(5));
                assertThat(event.json().get("version").asLong()).isEqualTo(version);
                long latency = (event.arrivedNanos() - answered) / 1_000_000;
                // who projected it: the commit callbacks may run a moment after the stream heard of it
                long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (byProjector.versions.getOrDefault(contactId, -1L) < version
                        && byHolder.versions.getOrDefault(contactId, -1L) < version && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                (byProjector.versions.getOrDefault(contactId, -1L) >= version ? crossed : local).add(latency);
            }
        }
        System.out.printf("live update, command answered -> stream event (ms): projected by the other instance %s,"
                + " by the stream's own %s%n", crossed, local);
        assertThat(crossed).as("updates projected by the other instance").hasSizeGreaterThanOrEqualTo(5);
        assertThat(crossed).allMatch(ms -> ms < 1000);
        assertThat(local).allMatch(ms -> ms < 1000);
    }

    /** Creates contacts until the two instances share the segments, and returns a few only the other one projected. */
    private static List<String> contactsProjectedOnlyByTheOtherInstance(Http commands) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int round = 0; System.nanoTime() < deadline; round++) {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "across-" + round + "-" + i;
                commands.post(WS + "/contacts", "{\"contactId\":\"" + id + "\"}");
                created.add(id);
            }
            Thread.sleep(1500);
            List<String> theirs = created.stream()
                    .filter(id -> byProjector.versions.containsKey(id) && !byHolder.versions.containsKey(id)).toList();
            boolean shared = created.stream().anyMatch(byHolder.versions::containsKey);
            if (shared && theirs.size() >= 3) {
                return theirs.subList(0, 3);
            }
        }
        throw new AssertionError("the two query-side instances never shared the projection's segments");
    }
}
