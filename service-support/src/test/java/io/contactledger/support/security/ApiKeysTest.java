package io.contactledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void aKeyAuthenticatesAsItsNamedCallerOfItsWorkspaceAndRole() {
        ApiKeys keys = ApiKeys.parse("alice=k_alice_0123456789abcdef@demo:agent, ops=k_ops_0123456789abcdef@*:operator");

        assertThat(keys.authenticate("k_alice_0123456789abcdef")).contains(new Caller("alice", "demo", Role.AGENT));
        assertThat(keys.authenticate("k_ops_0123456789abcdef")).contains(new Caller("ops", "*", Role.OPERATOR));
        assertThat(keys.authenticate("k_alice_0123456789abcdeF")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void aStoredHashStandsForTheKeyItself() {
        String hash = HexFormat.of().formatHex(ApiKeys.sha256("k_secret_0123456789abcdef"));

        ApiKeys keys = ApiKeys.parse("bob=sha256:" + hash + "@demo:auditor");

        assertThat(keys.authenticate("k_secret_0123456789abcdef")).contains(new Caller("bob", "demo", Role.AUDITOR));
        assertThat(keys.authenticate("sha256:" + hash)).isEmpty();
    }

    @Test
    void aMalformedConfigurationStopsStartUpNamingTheEntryButNotTheKey() {
        assertThatThrownBy(() -> ApiKeys.parse("")).hasMessageContaining("LEDGER_API_KEYS is not set");
        assertThatThrownBy(() -> ApiKeys.parse("a=k_a_0123456789abcdef@demo:agent,broken-entry"))
                .hasMessageContaining("entry 2");
        assertThatThrownBy(() -> ApiKeys.parse("carol=k_carol_0123456789abcdef@demo:janitor"))
                .hasMessageContaining("entry 1 (carol)").hasMessageContaining("janitor")
                .hasMessageNotContaining("k_carol_0123456789abcdef");
        assertThatThrownBy(() -> ApiKeys.parse("dave=k_dave_0123456789abcdef@*:agent")).hasMessageContaining("operator");
        assertThatThrownBy(() -> ApiKeys.parse("erin=k_erin_0123456789abcdef@demo:operator")).hasMessageContaining("operator");
        assertThatThrownBy(() -> ApiKeys.parse("fred=short@demo:agent")).hasMessageContaining("at least 16");
    }

    @Test
    void keysAreComparedInConstantTime() throws Exception {
        String source = new String(ApiKeys.class.getResourceAsStream("ApiKeys.class").readAllBytes(),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(source).as("uses MessageDigest.isEqual").contains("isEqual");
    }
}
