package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.events.ContactEvent;
import io.contactledger.support.testing.Http.Response;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * An event the profile projection cannot apply (here: a handler of its processing group that
 * fails for one contact until it is "fixed") is parked in the dead-letter queue with every later
 * event of that contact, while other contacts keep being projected; once fixed, the retry endpoint
 * applies the parked events once each.
 */
class PoisonEventsAreParkedIntegrationTest extends BothSidesTestBase {

    /** A handler with a bug for one contact, as a projection with a bug would have. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ProcessingGroup("contact-profiles")
    static class BuggyHandler {
        static volatile String brokenFor;

        @EventHandler
        void on(ContactEvent event) {
            if (event.contactId().equals(brokenFor)) {
                throw new IllegalStateException("cannot apply an event of " + event.contactId());
            }
        }
    }

    @TestConfiguration
    static class WithBuggyHandler {
        @Bean
        BuggyHandler buggyHandler() {
            return new BuggyHandler();
        }
    }

    @Test
    void aPoisonedContactIsParkedOthersGoOnAndTheRetryAppliesItOnceFixed() throws Exception {
        // given a contact whose events the projection cannot apply
        BuggyHandler.brokenFor = "poisoned";
        version(commands.post(WS + "/contacts", "{\"contactId\":\"poisoned\"}"));
        version(commands.post(WS + "/contacts/poisoned/tags", "{\"tag\":\"vip\"}"));
        long last = version(commands.post(WS + "/contacts/poisoned/notes", "{\"text\":\"parked with the rest\"}"));

        // when other contacts change meanwhile
        long healthy = version(commands.post(WS + "/contacts", "{\"contactId\":\"healthy\"}"));
        healthy = version(commands.post(WS + "/contacts/healthy/tags", "{\"tag\":\"vip\"}"));

        // then they are projected, and the poisoned contact's events are parked, listed for operators
        assertThat(queries.get(WS + "/contacts/healthy?minVersion=" + healthy).status()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> operator.get("/admin/projections/contact-profiles/dead-letters").json().size() == 3,
                "the poisoned contact's three events to be parked");
        JsonNode parked = operator.get("/admin/projections/contact-profiles/dead-letters").json();
        assertThat(parked.findValuesAsText("type")).containsExactly("ContactCreated", "TagAdded", "NoteWritten");
        assertThat(parked.get(0).get("sequence").asText()).isEqualTo("demo/poisoned");
        assertThat(parked.get(0).get("cause").asText()).contains("cannot apply an event of poisoned");
        assertThat(queries.get(WS + "/contacts/poisoned?minVersion=" + last).status()).isEqualTo(503);
        assertThat(anonymousQueries.get("/admin/projections/contact-profiles/dead-letters").status()).isEqualTo(401);
        assertThat(queries.get("/admin/projections/contact-profiles/dead-letters").status()).isEqualTo(403);

        // when the bug is fixed and an operator retries
        BuggyHandler.brokenFor = null;
        Response retried = operator.post("/admin/projections/contact-profiles/dead-letters/retry", null);

        // then the parked events are applied once each and nothing stays parked
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("stillParked").asLong()).isZero();
        Response profile = queries.get(WS + "/contacts/poisoned?minVersion=" + last);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("tags").toString()).isEqualTo("[\"vip\"]");
        assertThat(profile.json().get("notes")).hasSize(1);
        assertThat(operator.get("/admin/projections/contact-profiles/dead-letters").json()).isEmpty();

        // and later events of that contact are projected as usual
        long after = version(commands.post(WS + "/contacts/poisoned/tags", "{\"tag\":\"bug\"}"));
        assertThat(queries.get(WS + "/contacts/poisoned?minVersion=" + after).json().get("tags").toString())
                .isEqualTo("[\"bug\",\"vip\"]");
    }
}
