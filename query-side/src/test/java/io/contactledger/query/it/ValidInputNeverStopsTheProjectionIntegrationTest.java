package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.contactledger.support.testing.Http.Response;
import org.junit.jupiter.api.Test;

/**
 * Whatever the rules accept, the read model holds: lengths are checked before normalization and
 * case folding, which can lengthen text. And waiting readers hold no request threads.
 */
class ValidInputNeverStopsTheProjectionIntegrationTest extends BothSidesTestBase {

    /** U+0130 (capital I with dot) lower-cases to two characters. */
    private static final String LONGEST_NAME = "\u0130".repeat(200);
    private static final String LONGEST_EMAIL = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";

    @Test
    void aNameThatGrowsWhenLowerCasedIsProjectedAndContactsAfterItToo() throws Exception {
        // given a contact whose lower-cased search text is longer than its fields' limits add up to
        assertThat(LONGEST_EMAIL).hasSize(254);
        version(commands.post(WS + "/contacts", "{\"contactId\":\"long-i\"}"));
        Response details = commands.post(WS + "/contacts/long-i/details",
                "{\"name\":\"" + LONGEST_NAME + "\",\"email\":\"" + LONGEST_EMAIL + "\",\"phone\":\"+442071838750\"}");
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        long linked = version(commands.put(WS + "/contacts/long-i/customer-id", "{\"customerId\":\"" + "C".repeat(60) + "\"}"));

        // when a contact is created after it (in whichever segment)
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            later.add(version(commands.post(WS + "/contacts", "{\"contactId\":\"after-" + i + "\"}")));
        }

        // then both are projected and searchable
        Response profile = queries.get(WS + "/contacts/long-i?minVersion=" + linked);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().get("name").asText()).isEqualTo(LONGEST_NAME);
        for (int i = 0; i < 6; i++) {
            assertThat(queries.get(WS + "/contacts/after-" + i + "?minVersion=0").status()).isEqualTo(200);
        }
        Response found = queries.get(WS + "/contacts?q=" + "c".repeat(60));
        assertThat(found.json().get("items").findValuesAsText("contactId")).containsExactly("long-i");
        assertThat(anonymousQueries.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void hundredsOfReadersWaitingForUnwrittenVersionsDoNotHoldUpOtherReads() throws Exception {
        // given a profile and 300 readers waiting for a version nobody writes
        version(commands.post(WS + "/contacts", "{\"contactId\":\"waited-on\"}"));
        assertThat(queries.get(WS + "/contacts/waited-on?minVersion=0").status()).isEqualTo(200);
        ExecutorService clients = Executors.newFixedThreadPool(300);
        List<CompletableFuture<Response>> waiting = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            waiting.add(CompletableFuture.supplyAsync(() -> queries.get(WS + "/contacts/waited-on?minVersion=99"), clients));
        }
        Thread.sleep(1_000);

        // when another reader asks for a profile
        Response other = queries.get(WS + "/contacts/waited-on");

        // then it is answered while every waiter still waits (more waiters than request threads:
        // had they held threads, this read would have queued until they gave up), and each
        // waiter then gets 503 with Retry-After
        assertThat(other.status()).isEqualTo(200);
        assertThat(waiting.stream().filter(CompletableFuture::isDone)).isEmpty();
        for (CompletableFuture<Response> waiter : waiting) {
            Response answer = waiter.get();
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isNotNull();
        }
        clients.shutdown();
    }
}
