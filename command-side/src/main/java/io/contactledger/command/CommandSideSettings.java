package io.contactledger.command;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The command side's own settings ({@code ledger.*}, mapped from LEDGER_* in command-side.yml; the
 * README's configuration table is checked against that file). Checked when the application starts.
 */
@ConfigurationProperties("ledger")
public record CommandSideSettings(@DefaultValue Commands commands, @DefaultValue Security security,
        @DefaultValue Console console) {

    /**
     * How often a command lost to another instance is decided again, and how long apart; a contact
     * is snapshotted every {@code snapshotEvery} events; at most {@code cachedContacts} contacts,
     * the most recently used, stay in memory between commands.
     */
    public record Commands(@DefaultValue("20") int maxRetries, @DefaultValue("10ms") Duration retryInterval,
            @DefaultValue("100") int snapshotEvery, @DefaultValue("10000") int cachedContacts) {
        public Commands {
            if (maxRetries < 0 || retryInterval.isNegative() || snapshotEvery < 1 || cachedContacts < 0) {
                throw new IllegalArgumentException("ledger.commands: max-retries, retry-interval and cached-contacts must not"
                        + " be negative, snapshot-every must be positive");
            }
        }
    }

    /** Visitor tokens, identity hashes and the widget rate limit (API keys: service-support). */
    public record Security(@DefaultValue("") String tokenSecret, @DefaultValue("") String identitySecrets,
            @DefaultValue("24h") Duration visitorTokenLifetime, @DefaultValue("20") int widgetRequestsPerSecond) {
        public Security {
            if (widgetRequestsPerSecond < 1 || visitorTokenLifetime.isNegative() || visitorTokenLifetime.isZero()) {
                throw new IllegalArgumentException("ledger.security: widget-requests-per-second and visitor-token-lifetime must be positive");
            }
        }
    }

    /**
     * Origins whose pages (the agent console on the query side) may write here from a browser:
     * CORS, preflight included. Exact origins only ({@code scheme://host[:port]}), no wildcard.
     */
    public record Console(@DefaultValue("http://localhost:8082,http://127.0.0.1:8082") java.util.List<String> origins) {
        public Console {
            origins = origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
            for (String origin : origins) {
                if (!origin.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?")) {
                    throw new IllegalArgumentException("ledger.console.origins: '" + origin
                            + "' is not an origin such as https://console.example.com or http://localhost:8082");
                }
            }
        }
    }
}
