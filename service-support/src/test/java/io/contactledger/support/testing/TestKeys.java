package io.contactledger.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API keys for tests: one key per role for each workspace the tests use, plus an operator.
 * Key names are {@code <role>-<workspace>} (they become actor ids), keys are derived from the names.
 */
public final class TestKeys {

    public static final List<String> WORKSPACES = List.of("demo", "other", "search", "elsewhere", "e2e", "scale");
    public static final List<String> ROLES = List.of("widget", "agent", "integration", "auditor", "admin");
    public static final String TOKEN_SECRET = "test-visitor-token-secret-0123456789abcdef";
    public static final String IDENTITY_SECRET = "identity-secret-for-tests";
    public static final String IDENTITY_SECRETS = "demo:old-identity-secret,demo:" + IDENTITY_SECRET;
    public static final String API_KEYS = apiKeys();

    private TestKeys() {
    }

    private static String apiKeys() {
        List<String> entries = new ArrayList<>();
        for (String workspace : WORKSPACES) {
            for (String role : ROLES) {
                entries.add(name(role, workspace) + "=" + key(role, workspace) + "@" + workspace + ":" + role);
            }
        }
        entries.add("ops=" + key("operator", "all") + "@*:operator");
        return String.join(",", entries);
    }

    public static String name(String role, String workspace) {
        return role + "-" + workspace;
    }

    public static String key(String role, String workspace) {
        return "k_" + role.toLowerCase(Locale.ROOT) + "_" + workspace + "_0123456789abcdef";
    }

    /** Header name and value for a key of {@code role} in {@code workspace}. */
    public static String[] bearer(String role, String workspace) {
        return new String[] {"Authorization", "Bearer " + key(role, workspace)};
    }

    public static String[] operator() {
        return new String[] {"Authorization", "Bearer " + key("operator", "all")};
    }

    /** The security settings as Spring properties. */
    public static Map<String, String> springProperties() {
        return Map.of("ledger.security.api-keys", API_KEYS, "ledger.security.token-secret", TOKEN_SECRET,
                "ledger.security.identity-secrets", IDENTITY_SECRETS);
    }

    /** The same settings as the environment a launched process reads. */
    public static Map<String, String> environment() {
        return Map.of("LEDGER_API_KEYS", API_KEYS, "LEDGER_TOKEN_SECRET", TOKEN_SECRET,
                "LEDGER_IDENTITY_SECRETS", IDENTITY_SECRETS);
    }
}
