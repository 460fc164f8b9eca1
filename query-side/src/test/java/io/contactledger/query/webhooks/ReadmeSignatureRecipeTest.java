package io.contactledger.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The README's receiver recipe, run as written, accepts a signed delivery and refuses a tampered or old one. */
class ReadmeSignatureRecipeTest {

    private static final String SECRET = "whsec_0123456789abcdef";
    private static final String BODY = "{\"position\":7,\"type\":\"DetailsLeft\",\"payload\":{\"name\":\"Zoë O'Brien \\\"Z\\\"\"}}";

    @Test
    void theRecipeVerifiesWhatTheServiceSigns() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String signature = WebhookSignature.header(SECRET, now, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(run(signature, BODY, SECRET)).isEqualTo("verified");
        assertThat(run(signature, BODY.replace("7", "8"), SECRET)).as("a changed body").isEqualTo("refused");
        assertThat(run(signature, BODY, "whsec_other")).as("another secret").isEqualTo("refused");
        String old = WebhookSignature.header(SECRET, now - 3_600, BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(run(old, BODY, SECRET)).as("an hour old: a replay").isEqualTo("refused");
    }

    private static String run(String signature, String body, String secret) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", recipe()).redirectErrorStream(true);
        bash.environment().putAll(Map.of("SIG", signature, "BODY", body, "SECRET", secret));
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return out;
    }

    private static String recipe() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../README.md"));
        int marker = lines.indexOf("<!-- webhook-recipe -->");
        assertThat(marker).as("the README's recipe marker").isNotNegative();
        StringBuilder script = new StringBuilder();
        for (int i = marker + 2; !lines.get(i).startsWith("```"); i++) {
            script.append(lines.get(i)).append('\n');
        }
        return script.toString();
    }
}
