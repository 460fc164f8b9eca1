package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.contactledger.query.admin.Projections;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A processor that stopped on its own is started again, and what was written meanwhile is projected. */
class StoppedProcessorsRestartIntegrationTest extends BothSidesTestBase {

    @Autowired
    Projections projections;

    @Test
    void aStoppedProfileProjectionRunsAgainByItselfAndCatchesUp() throws Exception {
        // given the profile projection stopped (as an Error escaping a batch would leave it)
        StreamingEventProcessor processor = projections.processor("contact-profiles").orElseThrow();
        // (no check that it is stopped now: the watchdog may restart it while the shutdown completes,
        // which is the behaviour under test; without the watchdog nothing below would happen)
        processor.shutdownAsync().get();

        // when a contact is written meanwhile
        long version = version(commands.post(WS + "/contacts", "{\"contactId\":\"while-stopped\"}"));

        // then the watchdog starts the projection again and the contact is projected
        eventually(Duration.ofSeconds(20), processor::isRunning, "the projection to run again");
        eventually(Duration.ofSeconds(20), () -> queries.get(WS + "/contacts/while-stopped?minVersion=" + version).status() == 200,
                "the contact written while it was stopped to be projected");
        assertThat(operator.get("/admin/projections").json().get(0).get("running").asBoolean()).isTrue();
    }
}
