package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code GET /contacts/{id}/duplicates}: the other contacts an agent may want to merge, and why. */
class DuplicatesIntegrationTest extends BothSidesTestBase {

    @Test
    void contactsSharingAnEmailOrPhoneAreSuggestedWithWhatTheyShare() {
        // given a returning visitor on a new device, a lead with the same email and phone, and a stranger
        details("guest-new-device", "{\"email\":\"Sam@Example.com\"}");
        details("lead-sam", "{\"name\":\"Sam\",\"email\":\"sam@example.com\",\"phone\":\"+44 20 7946 0123\"}");
        details("caller", "{\"phone\":\"020 7946 0123\",\"country\":\"GB\"}");
        long last = details("stranger", "{\"email\":\"someone@else.org\"}");
        version(commands.post(WS + "/contacts", "{\"contactId\":\"blank\"}"));
        assertThat(queries.get(WS + "/contacts/stranger?minVersion=" + last).status()).isEqualTo(200);

        // when an agent asks for the lead's duplicates
        JsonNode lead = queries.get(WS + "/contacts/lead-sam/duplicates").json();

        // then both others come, each with what it shares, and the stranger does not
        assertThat(lead.get("duplicates")).extracting(d -> d.get("contactId").asText())
                .containsExactlyInAnyOrder("guest-new-device", "caller");
        for (JsonNode duplicate : lead.get("duplicates")) {
            List<String> matched = new java.util.ArrayList<>();
            duplicate.get("matchedOn").forEach(m -> matched.add(m.asText()));
            assertThat(matched).containsExactly(duplicate.get("contactId").asText().equals("caller") ? "phone" : "email");
        }
        assertThat(queries.get(WS + "/contacts/guest-new-device/duplicates").json().get("duplicates"))
                .extracting(d -> d.get("contactId").asText()).containsExactly("lead-sam");
        assertThat(queries.get(WS + "/contacts/stranger/duplicates").json().get("duplicates")).isEmpty();
        eventuallyProjected("blank");
        assertThat(queries.get(WS + "/contacts/blank/duplicates").json().get("duplicates")).isEmpty();
        assertThat(queries.get(WS + "/contacts/nobody/duplicates").status()).isEqualTo(404);
    }

    private long details(String contactId, String body) {
        version(commands.post(WS + "/contacts", "{\"contactId\":\"" + contactId + "\"}"));
        return version(commands.post(WS + "/contacts/" + contactId + "/details", body));
    }

    private void eventuallyProjected(String contactId) {
        assertThat(queries.get(WS + "/contacts/" + contactId + "?minVersion=0").status()).isEqualTo(200);
    }
}
