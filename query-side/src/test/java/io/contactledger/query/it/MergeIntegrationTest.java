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
