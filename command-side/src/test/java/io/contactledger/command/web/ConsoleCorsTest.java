package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The console writes here from its own origin (DESIGN §8): that origin's preflight is answered
 * before any key is checked, its requests get the CORS headers (refusals included, so the page
 * can read them), and any other origin is refused with problem+json and changes nothing.
 */
@TestPropertySource(properties = "ledger.console.origins=http://console.example:8082, http://localhost:8082")
class ConsoleCorsTest extends CommandApiTestBase {

    private static final String CONSOLE = "http://console.example:8082";
    private static final String EVIL = "http://evil.example";

    private Http plain() {
        // CORS exchanges are not API operations, so they are not checked against the OpenAPI document
        return new Http("http://localhost:" + port);
    }

    @Test
    void givenTheConsolesOrigin_whenItsBrowserAsksFirst_thenThePreflightAllowsTheApisMethodsAndHeaders() {
        Http.Response preflight = plain().send("OPTIONS", WS + "/contacts/ada/tags", null, null, "Origin", CONSOLE,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, idempotency-key");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST", "PUT", "DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "idempotency-key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void givenTheConsolesOrigin_whenItWrites_thenTheAnswerAndEvenARefusalAreReadableByThePage() {
        Http.Response created = plain().post(WS + "/contacts", "{\"contactId\":\"cors-ada\"}",
                "Origin", CONSOLE, TestKeys.bearer("agent", "demo")[0], TestKeys.bearer("agent", "demo")[1]);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(created.header("Access-Control-Expose-Headers")).contains("Retry-After", "Idempotent-Replayed");

        Http.Response wrongKey = plain().post(WS + "/contacts/cors-ada/tags", "{\"tag\":\"vip\"}",
                "Origin", CONSOLE, "Authorization", "Bearer not-a-key");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.contentType()).startsWith("application/problem+json");
        assertThat(wrongKey.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
    }

    @Test
    void givenAnotherOrigin_thenPreflightAndRequestAreRefusedAsProblemsAndNothingChanges() {
        long before = eventCount();
        Http.Response preflight = plain().send("OPTIONS", WS + "/contacts", null, null, "Origin", EVIL,
                "Access-Control-Request-Method", "POST");
        Http.Response write = plain().post(WS + "/contacts", "{\"contactId\":\"cors-evil\"}",
                "Origin", EVIL, TestKeys.bearer("agent", "demo")[0], TestKeys.bearer("agent", "demo")[1]);

        for (Http.Response refused : new Http.Response[] {preflight, write}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("/cors-refused");
            assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aClientThatSendsNoOriginIsNotABrowserAndIsUnaffected() {
        assertThat(http.post(WS + "/contacts", "{\"contactId\":\"cors-curl\"}").status()).isEqualTo(201);
    }
}
