package io.contactledger.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where deliveries may go, and how they are signed (DESIGN §10). */
class WebhookUrlsTest {

    private final WebhookUrls guarded = new WebhookUrls(false);

    @Test
    void urlsIntoThisServicesOwnNetworkAreRefusedUnlessAllowed() {
        List<String> inside = List.of("http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/",
                "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
                "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://224.0.0.1/",
                "http://0x7f000001/", "http://2130706433/");
        for (String url : inside) {
            assertThat(guarded.refusal(url)).as(url).isPresent();
            assertThat(new WebhookUrls(true).refusal(url)).as(url + " with the override").isEmpty();
        }
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentialsAreTaken() {
        for (String url : List.of("ftp://93.184.216.34/", "file:///etc/passwd", "http://user:pw@93.184.216.34/", "not a url",
                "", "https://" + "a".repeat(2_000) + ".com/", "javascript:alert(1)", "http:///path")) {
            assertThat(guarded.refusal(url)).as(url).isPresent();
        }
        assertThat(guarded.refusal("https://93.184.216.34/hooks/ledger?x=1")).isEmpty();
    }

    @Test
    void theSignatureIsTheReadmesRecipe() {
        byte[] body = "{\"type\":\"TagAdded\"}".getBytes(StandardCharsets.UTF_8);

        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, body);

        // openssl: printf '%s' '1700000000.{"type":"TagAdded"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(header).isEqualTo("t=1700000000,v1=16460191c4e165bbf5490a303e33ae19a1264ca3edd0767c332ac8bbf8f0ce50");
        assertThat(WebhookSignature.hmac("whsec_other", 1_700_000_000L, body)).isNotEqualTo(WebhookSignature.hmac("whsec_test", 1_700_000_000L, body));
    }
}
