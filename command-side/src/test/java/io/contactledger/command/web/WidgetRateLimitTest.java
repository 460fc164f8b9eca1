package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.Http.Response;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Widget keys ship in public pages: past their rate they get 429 with Retry-After; other keys are not limited. */
@TestPropertySource(properties = "ledger.security.widget-requests-per-second=5")
class WidgetRateLimitTest extends CommandApiTestBase {

    @Test
    void aWidgetKeyPastItsRateGets429AndOtherKeysCarryOn() {
        Http widget = anonymous.with(TestKeys.bearer("widget", "demo"));
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 12; i++) {
            Response response = widget.post(WS + "/contacts", "{}");
            statuses.add(response.status());
            if (response.status() == 429) {
                limited = response;
            }
        }

        assertThat(statuses).contains(201, 429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.contentType()).startsWith("application/problem+json");
        for (int i = 0; i < 12; i++) {
            assertThat(http.post(WS + "/contacts", "{}").status()).isEqualTo(201);
        }
    }
}
