package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.contactledger.support.testing.BadRequestFuzz;
import io.contactledger.support.testing.RawHttp;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand generated bad requests against the command side (random bytes and escapes in paths
 * and query strings, random headers, truncated and mutated bodies, every content type): no 5xx,
 * every error one problem+json, and no refused request changes any table.
 */
class GeneratedBadInputTest extends CommandApiTestBase {

    @Test
    void tenThousandBadRequestsGetProblemsAndChangeNothing() throws Exception {
        create("fuzzed");
        admin.put(WS + "/custom-fields/seats", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}");
        String noteId = http.post(WS + "/contacts/fuzzed/notes", "{\"text\":\"n\"}").json().get("noteId").asText();
        List<String> paths = List.of(WS + "/contacts", WS + "/contacts/fuzzed/details", WS + "/contacts/fuzzed/customer-id",
                WS + "/contacts/fuzzed/tags", WS + "/contacts/fuzzed/tags/vip", WS + "/contacts/fuzzed/notes",
                WS + "/contacts/fuzzed/notes/" + noteId, WS + "/contacts/fuzzed/custom-fields/seats",
                WS + "/custom-fields/seats", "/api/v1/workspaces/other/contacts", "/actuator/health", "/v3/api-docs", "/");
        List<String> bodies = List.of("{\"contactId\":\"c\"}", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "{\"customerId\":\"C-1\"}", "{\"tag\":\"vip\"}", "{\"text\":\"hello\"}", "{\"value\":3}",
                "{\"label\":\"Seats\",\"type\":\"NUMBER\"}", "{}");
        List<String> keys = List.of(TestKeys.key("integration", "demo"), TestKeys.key("admin", "demo"),
                TestKeys.key("widget", "demo"), TestKeys.key("auditor", "demo"), TestKeys.key("agent", "other"),
                TestKeys.key("operator", "all"));
        BadRequestFuzz fuzz = new BadRequestFuzz(new RawHttp("localhost", port), paths, bodies, keys, this::databaseState, 20261129L);

        BadRequestFuzz.Outcome outcome = fuzz.run(10_000);

        System.out.println("command side, generated bad input: " + outcome.total() + " requests, by status " + outcome.byStatus());
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.total()).isEqualTo(10_000);
    }

    /**
     * A number that changes whenever a change is recorded: events, claims, field definitions. (A
     * refusal under an Idempotency-Key is kept as that key's answer, by design, so that table is
     * not counted here; MalformedRequestsTest counts it for requests without one.)
     */
    private long databaseState() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM domain_event_entry) * 1000003 + (SELECT COUNT(*) FROM customer_id_claim) * 1009"
                + " + (SELECT COUNT(*) FROM custom_field_definition)")
                .query(Long.class).single();
    }
}
