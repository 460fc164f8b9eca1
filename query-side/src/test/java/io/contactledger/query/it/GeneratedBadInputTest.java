package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.contactledger.support.testing.BadRequestFuzz;
import io.contactledger.support.testing.RawHttp;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand generated bad requests against the query side (random bytes and escapes in paths
 * and query strings, random headers and bodies, every content type): no 5xx, every error one
 * problem+json, and nothing a request sends changes the store or the read model.
 */
class GeneratedBadInputTest extends BothSidesTestBase {

    @Test
    void tenThousandBadRequestsGetProblemsAndChangeNothing() throws Exception {
        long version = version(commands.post(WS + "/contacts", "{\"contactId\":\"fuzzed\"}"));
        queries.get(WS + "/contacts/fuzzed?minVersion=" + version);
        List<String> paths = List.of(WS + "/contacts", WS + "/contacts/fuzzed", WS + "/contacts/fuzzed/history",
                WS + "/custom-fields", WS + "/contacts?limit=5", WS + "/contacts/fuzzed?atVersion=0",
                "/admin/projections", "/admin/projections/contact-profiles/rebuild",
                "/admin/projections/contact-profiles/dead-letters", "/api/v1/workspaces/other/contacts/fuzzed",
                "/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/");
        List<String> bodies = List.of("{}", "{\"tag\":\"vip\"}", "{\"q\":\"ada\"}");
        List<String> keys = List.of(TestKeys.key("agent", "demo"), TestKeys.key("auditor", "demo"),
                TestKeys.key("widget", "demo"), TestKeys.key("agent", "other"));
        BadRequestFuzz fuzz = new BadRequestFuzz(new RawHttp("localhost", queryPort), paths, bodies, keys,
                this::databaseState, 20261129L);

        BadRequestFuzz.Outcome outcome = fuzz.run(10_000);

        System.out.println("query side, generated bad input: " + outcome.total() + " requests, by status " + outcome.byStatus());
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.total()).isEqualTo(10_000);
    }

    private long databaseState() {
        try (var connection = database.connect(); var sql = connection.createStatement();
             var rows = sql.executeQuery("SELECT (SELECT COUNT(*) FROM domain_event_entry) * 1000003"
                     + " + (SELECT COALESCE(SUM(version), 0) FROM contact_profile)")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
