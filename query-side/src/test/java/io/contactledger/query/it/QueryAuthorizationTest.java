package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Every read endpoint × every role × own or foreign workspace, and the operator endpoints × every
 * role: the exact status.
 */
class QueryAuthorizationTest extends BothSidesTestBase {

    private static final List<String> ROLES = List.of("widget", "agent", "integration", "auditor", "admin", "operator");
    private static final List<String> READERS = List.of("agent", "integration", "auditor", "admin");
    /** The integration feed is not for agents (DESIGN §10). */
    private static final List<String> FEED_READERS = List.of("integration", "auditor", "admin");

    @Test
    void everyReadEndpointAndRoleGetsExactlyItsStatus() {
        long last = version(commands.post(WS + "/contacts", "{\"contactId\":\"read-me\"}"));
        assertThat(queries.get(WS + "/contacts/read-me?minVersion=" + last).status()).isEqualTo(200);
        // the same contact id exists in the other workspace, so a 404 there is isolation, not "unknown"
        Http otherCommands = new Http("http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port"))
                .with(TestKeys.bearer("integration", "other"));
        long theirs = version(otherCommands.post("/api/v1/workspaces/other/contacts", "{\"contactId\":\"read-me\"}"));
        assertThat(anonymousQueries.with(TestKeys.bearer("agent", "other"))
                .get("/api/v1/workspaces/other/contacts/read-me?minVersion=" + theirs).status()).isEqualTo(200);
        List<String> reads = List.of("/contacts/read-me", "/contacts/read-me?atVersion=0", "/contacts/read-me/history",
                "/contacts?limit=5", "/custom-fields", "/tags", "/contacts/read-me/history?order=desc", "/events?limit=5");
        List<String> wrong = new ArrayList<>();

        for (String role : ROLES) {
            for (String workspace : List.of("demo", "other")) {
                for (String read : reads) {
                    List<String> readers = read.startsWith("/events") ? FEED_READERS : READERS;
                    int expected = role.equals("operator") ? 403 : !workspace.equals("demo") ? 404 : readers.contains(role) ? 200 : 403;
                    int actual = as(role).get("/api/v1/workspaces/" + workspace + read).status();
                    if (actual != expected) {
                        wrong.add(role + " " + workspace + read + ": expected " + expected + " got " + actual);
                    }
                }
            }
            for (Map.Entry<String, Integer> admin : Map.of("GET /admin/projections", 200,
                    "POST /admin/projections/nope/rebuild", 404,
                    "GET /admin/projections/contact-profiles/dead-letters", 200,
                    "POST /admin/projections/nope/dead-letters/retry", 404).entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList()) {
                int expected = role.equals("operator") ? admin.getValue() : 403;
                String[] call = admin.getKey().split(" ");
                int actual = as(role).send(call[0], call[1], null, null).status();
                if (actual != expected) {
                    wrong.add(role + " " + admin + ": expected " + expected + " got " + actual);
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void noKeyOrAWrongKeyIs401ButHealthStaysOpen() {
        assertThat(anonymousQueries.get(WS + "/contacts").status()).isEqualTo(401);
        assertThat(anonymousQueries.get(WS + "/contacts", "Authorization", "Bearer wrong-key-0123456789").status()).isEqualTo(401);
        assertThat(anonymousQueries.get("/admin/projections").status()).isEqualTo(401);
        assertThat(anonymousQueries.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymousQueries.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(operator.get("/actuator/metrics").status()).isEqualTo(200);
    }

    private Http as(String role) {
        return anonymousQueries.with(role.equals("operator") ? TestKeys.operator() : TestKeys.bearer(role, "demo"));
    }
}
