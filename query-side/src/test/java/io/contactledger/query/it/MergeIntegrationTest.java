package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.command.CommandSideApplication;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merging contacts over HTTP (DESIGN §9): the survivor takes what the rules give it, the source
 * answers 410 with {@code mergedInto} and refuses commands with 409, its history and its past
 * stay readable, search shows only the survivor; a merge racing a customer-ID link on the source
 * through another command-side instance: exactly one of the two wins, nothing half-done.
 */
class MergeIntegrationTest extends BothSidesTestBase {

    static ConfigurableApplicationContext secondCommandSide;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopSecondCommandSide() {
        if (secondCommandSide != null) {
            secondCommandSide.close();
        }
    }

    @Test
    void theSurvivorTakesWhatTheRulesGiveAndTheSourceIsGoneButItsPastReads() {
        // given a lead and a guest who is the same person on a new device
        adminCommands.put(WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"TEXT\"}");
        create("m-lead");
        version(commands.post(WS + "/contacts/m-lead/details", "{\"name\":\"Sam Lead\",\"email\":\"sam@merge.org\"}"));
        version(commands.post(WS + "/contacts/m-lead/tags", "{\"tag\":\"vip\"}"));
        create("m-guest");
        version(commands.post(WS + "/contacts/m-guest/details", "{\"name\":\"Samuel\",\"email\":\"sam@merge.org\",\"phone\":\"+44 20 7946 0555\"}"));
        version(commands.post(WS + "/contacts/m-guest/tags", "{\"tag\":\"new york\"}"));
        version(commands.post(WS + "/contacts/m-guest/notes", "{\"text\":\"Called from the new phone\"}"));
        long beforeMerge = version(commands.put(WS + "/contacts/m-guest/custom-fields/plan", "{\"value\":\"pro\"}"));
        assertThat(queries.get(WS + "/contacts/m-lead/duplicates").json().get("duplicates"))
                .extracting(d -> d.get("contactId").asText()).containsExactly("m-guest");
        long stored = storedEvents();

        // when an agent previews, then merges
        Http.Response preview = commands.post(WS + "/contacts/m-lead/merge/preview", "{\"sourceId\":\"m-guest\"}");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("phone").asText()).isEqualTo("+442079460555");
        assertThat(storedEvents()).as("a preview records nothing").isEqualTo(stored);
        Http.Response merged = commands.post(WS + "/contacts/m-lead/merge", "{\"sourceId\":\"m-guest\"}");

        // then the survivor keeps its name and takes the phone, the tag, the note with its author and the field
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode survivor = queries.get(WS + "/contacts/m-lead?minVersion=" + merged.json().get("version").asLong()).json();
        assertThat(survivor.get("name").asText()).isEqualTo("Sam Lead");
        assertThat(survivor.get("phone").asText()).isEqualTo("+442079460555");
        assertThat(survivor.get("tags")).extracting(JsonNode::asText).containsExactly("new york", "vip");
        assertThat(survivor.get("notes").get(0).get("text").asText()).isEqualTo("Called from the new phone");
        assertThat(survivor.get("notes").get(0).get("author").asText()).isEqualTo(TestKeys.name("integration", "demo"));
        assertThat(survivor.get("customFields").get("plan").asText()).isEqualTo("pro");
        assertThat(preview.json().get("tags")).isEqualTo(survivor.get("tags"));

        // and the source is gone: 410 naming the survivor, 409 for commands, out of search; its past still reads
        eventually(() -> queries.get(WS + "/contacts/m-guest").status() == 410);
        Http.Response gone = queries.get(WS + "/contacts/m-guest");
        assertThat(gone.json().get("mergedInto").asText()).isEqualTo("m-lead");
        assertThat(gone.contentType()).startsWith("application/problem+json");
        Http.Response refused = commands.post(WS + "/contacts/m-guest/tags", "{\"tag\":\"late\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("mergedInto").asText()).isEqualTo("m-lead");
        assertThat(queries.get(WS + "/contacts?q=sam%40merge.org").json().get("items"))
                .extracting(i -> i.get("contactId").asText()).containsExactly("m-lead");
        assertThat(queries.get(WS + "/contacts/m-guest?atVersion=" + beforeMerge).json().get("name").asText()).isEqualTo("Samuel");
        JsonNode history = queries.get(WS + "/contacts/m-guest/history").json().get("events");
        assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("ContactMergedInto");
        assertThat(queries.get(WS + "/contacts/m-lead/duplicates").json().get("duplicates")).isEmpty();
    }

    @Test
    void anAdminUndoesAMergeWithinThirtyDaysAndTheSourceIsItselfAgain() {
        // given a guest merged into a lead, which gave it an email, a tag and a customer ID
        create("u-lead");
        version(commands.post(WS + "/contacts/u-lead/details", "{\"name\":\"Uma\"}"));
        create("u-guest");
        version(commands.post(WS + "/contacts/u-guest/details", "{\"email\":\"uma@unmerge.org\"}"));
        version(commands.post(WS + "/contacts/u-guest/tags", "{\"tag\":\"trial\"}"));
        version(commands.put(WS + "/contacts/u-guest/customer-id", "{\"customerId\":\"U-1\"}"));
        version(commands.post(WS + "/contacts/u-lead/merge", "{\"sourceId\":\"u-guest\"}"));
        assertThat(commands.post(WS + "/contacts/u-lead/unmerge", "{\"sourceId\":\"u-guest\"}").status())
                .as("only admins undo merges").isEqualTo(403);

        // when an admin undoes it
        Http.Response unmerged = adminCommands.post(WS + "/contacts/u-lead/unmerge", "{\"sourceId\":\"u-guest\"}");

        // then the survivor is what it was before, its type back to GUEST
        assertThat(unmerged.status()).as(unmerged.toString()).isEqualTo(200);
        assertThat(unmerged.json().get("type").asText()).isEqualTo("GUEST");
        JsonNode lead = queries.get(WS + "/contacts/u-lead?minVersion=" + unmerged.json().get("version").asLong()).json();
        assertThat(lead.get("email").isNull()).isTrue();
        assertThat(lead.get("customerId").isNull()).isTrue();
        assertThat(lead.get("tags")).isEmpty();
        assertThat(lead.get("type").asText()).isEqualTo("GUEST");
        // and the source reads, is found, takes commands and holds its customer ID again
        eventually(() -> queries.get(WS + "/contacts/u-guest").status() == 200);
        assertThat(queries.get(WS + "/contacts/u-guest").json().get("customerId").asText()).isEqualTo("U-1");
        assertThat(queries.get(WS + "/contacts?q=uma%40unmerge.org").json().get("items"))
                .extracting(i -> i.get("contactId").asText()).containsExactly("u-guest");
        assertThat(commands.post(WS + "/contacts/u-guest/tags", "{\"tag\":\"back\"}").status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM customer_id_claim WHERE customer_id = 'U-1' AND contact_id = 'u-guest'")).isEqualTo(1);
        // and undoing it twice is refused
        assertThat(adminCommands.post(WS + "/contacts/u-lead/unmerge", "{\"sourceId\":\"u-guest\"}").status()).isEqualTo(409);
    }

    @Test
    void aMergeOlderThanThirtyDaysCannotBeUndone() {
        create("o-lead");
        create("o-guest");
        // the merge is recorded as of 31 days ago (Axon stamps events with its clock)
        java.time.Clock real = org.axonframework.eventhandling.GenericEventMessage.clock;
        org.axonframework.eventhandling.GenericEventMessage.clock = java.time.Clock.offset(real, java.time.Duration.ofDays(-31));
        try {
            version(commands.post(WS + "/contacts/o-lead/merge", "{\"sourceId\":\"o-guest\"}"));
        } finally {
            org.axonframework.eventhandling.GenericEventMessage.clock = real;
        }
        long stored = storedEvents();

        Http.Response late = adminCommands.post(WS + "/contacts/o-lead/unmerge", "{\"sourceId\":\"o-guest\"}");

        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("30 days");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void mergesTheRulesRefuseAre409AndBadRequests400() {
        create("r-a");
        create("r-b");
        version(commands.put(WS + "/contacts/r-a/customer-id", "{\"customerId\":\"R-1\"}"));
        version(commands.put(WS + "/contacts/r-b/customer-id", "{\"customerId\":\"R-2\"}"));
        long stored = storedEvents();

        assertThat(commands.post(WS + "/contacts/r-a/merge", "{\"sourceId\":\"r-b\"}").status()).as("two customer IDs").isEqualTo(409);
        assertThat(commands.post(WS + "/contacts/r-a/merge", "{\"sourceId\":\"r-a\"}").status()).as("itself").isEqualTo(409);
        assertThat(commands.post(WS + "/contacts/r-a/merge", "{\"sourceId\":\"nobody\"}").status()).isEqualTo(404);
        assertThat(commands.post(WS + "/contacts/r-a/merge", "{}").status()).isEqualTo(400);
        assertThat(commands.post(WS + "/contacts/r-a/merge", "{\"sourceId\":\"bad id!\"}").status()).isEqualTo(400);
        assertThat(commands.with(TestKeys.bearer("widget", "demo")).post(WS + "/contacts/r-a/merge", "{\"sourceId\":\"r-b\"}").status())
                .as("a widget merges nothing").isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void aMergeRacingACustomerIdLinkOnTheSourceThroughAnotherInstanceLetsExactlyOneWin() throws Exception {
        // given a second command-side instance on the same database, and pairs whose survivor holds a customer ID
        secondCommandSide = new SpringApplicationBuilder(CommandSideApplication.class).properties(CommandSideApplication.CONFIG_NAME)
                .run("--server.port=0", "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(), "--ledger.security.api-keys=" + TestKeys.API_KEYS,
                        "--ledger.security.token-secret=" + TestKeys.TOKEN_SECRET,
                        "--ledger.security.identity-secrets=" + TestKeys.IDENTITY_SECRETS);
        Http other = new Http("http://localhost:" + secondCommandSide.getEnvironment().getProperty("local.server.port"))
                .with(TestKeys.bearer("integration", "demo"));
        int pairs = 12;
        for (int i = 0; i < pairs; i++) {
            create("race-s-" + i);
            create("race-g-" + i);
            version(commands.put(WS + "/contacts/race-s-" + i + "/customer-id", "{\"customerId\":\"S-" + i + "\"}"));
        }

        // when each source is merged through one instance while the other links a customer ID to it
        List<CompletableFuture<int[]>> races = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int pair = i;
            CompletableFuture<Integer> merge = CompletableFuture.supplyAsync(() ->
                    commands.post(WS + "/contacts/race-s-" + pair + "/merge", "{\"sourceId\":\"race-g-" + pair + "\"}").status());
            CompletableFuture<Integer> link = CompletableFuture.supplyAsync(() ->
                    other.put(WS + "/contacts/race-g-" + pair + "/customer-id", "{\"customerId\":\"G-" + pair + "\"}").status());
            races.add(merge.thenCombine(link, (m, l) -> new int[] {m, l}));
        }

        // then in each pair exactly one succeeded, and the store and the claims agree with the winner
        for (int i = 0; i < pairs; i++) {
            int[] statuses = races.get(i).get();
            assertThat(statuses).as("pair %d: merge, link", i).containsAnyOf(200).containsAnyOf(409);
            boolean mergeWon = statuses[0] == 200;
            long mergedInto = count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'demo/race-g-" + i
                    + "' AND payload_type LIKE '%ContactMergedInto'");
            long merged = count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'demo/race-s-" + i
                    + "' AND payload_type LIKE '%ContactMerged'");
            long linked = count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'demo/race-g-" + i
                    + "' AND payload_type LIKE '%CustomerIdLinked'");
            long claimed = count("SELECT COUNT(*) FROM customer_id_claim WHERE workspace_id = 'demo' AND customer_id = 'G-" + i + "'");
            assertThat(new long[] {mergedInto, merged, linked, claimed}).as("pair %d", i)
                    .containsExactly(mergeWon ? new long[] {1, 1, 0, 0} : new long[] {0, 0, 1, 1});
        }
    }

    private void create(String contactId) {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"" + contactId + "\"}"));
    }

    private long storedEvents() {
        return count("SELECT COUNT(*) FROM domain_event_entry");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        try {
            BothSidesTestBase.eventually(java.time.Duration.ofSeconds(10), condition, "the condition");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
