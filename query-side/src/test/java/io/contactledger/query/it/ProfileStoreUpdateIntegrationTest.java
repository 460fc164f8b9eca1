package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.contactledger.query.profile.ContactProfile;
import io.contactledger.query.profile.ProfileStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A batch that updates a profile the read model no longer holds fails, so its token cannot move past it. */
class ProfileStoreUpdateIntegrationTest extends BothSidesTestBase {

    @Autowired
    ProfileStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void updatingAProfileThatIsNoLongerStoredFailsInsteadOfWritingNothing() {
        long version = version(commands.post(WS + "/contacts", "{\"contactId\":\"gone\"}"));
        queries.get(WS + "/contacts/gone?minVersion=" + version);
        ContactProfile read = store.find("demo", "gone").orElseThrow();
        // given: the row disappears after the batch read it (the read model emptied under the batch)
        jdbc.sql("DELETE FROM contact_profile WHERE contact_id = 'gone'").update();

        assertThatThrownBy(() -> store.saveAll(List.of(new ProfileStore.Replacement(read, read))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo/gone");

        assertThat(store.find("demo", "gone")).isEmpty();
    }
}
