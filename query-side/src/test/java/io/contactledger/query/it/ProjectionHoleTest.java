package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A profile that missed an event is mended from the event store when the next event shows the hole. */
class ProjectionHoleTest extends BothSidesTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventPastTheNextVersionMakesTheProjectionRefoldTheContact() {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"holey\"}"));
        long first = version(commands.post(WS + "/contacts/holey/tags", "{\"tag\":\"one\"}"));
        queries.get(WS + "/contacts/holey?minVersion=" + first);
        String atFirst = jdbc.sql("SELECT document FROM contact_profile WHERE contact_id = 'holey'").query(String.class).single();
        long second = version(commands.post(WS + "/contacts/holey/tags", "{\"tag\":\"two\"}"));
        queries.get(WS + "/contacts/holey?minVersion=" + second);
        // given: the read model lost the second tag (as if its event had never reached it)
        jdbc.sql("UPDATE contact_profile SET version = ?, document = ? WHERE contact_id = 'holey'")
                .params(first, atFirst).update();
        jdbc.sql("DELETE FROM contact_tag WHERE contact_id = 'holey' AND tag = 'two'").update();

        long third = version(commands.post(WS + "/contacts/holey/tags", "{\"tag\":\"three\"}"));

        JsonNode live = queries.get(WS + "/contacts/holey?minVersion=" + third).json();
        assertThat(live.get("tags").toString()).isEqualTo("[\"one\",\"three\",\"two\"]");
        assertThat(live).isEqualTo(queries.get(WS + "/contacts/holey?atVersion=" + third).json());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_tag WHERE contact_id = 'holey'").query(Long.class).single()).isEqualTo(3);
    }
}
