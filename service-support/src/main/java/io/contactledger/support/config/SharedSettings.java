package io.contactledger.support.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings both sides read the same way ({@code ledger.*}: the API keys, the event and token
 * stores, the OpenAPI document's title), mapped from LEDGER_* in each side's YAML and checked when
 * the application starts. Each side adds a record of its own.
 */
@ConfigurationProperties("ledger")
public record SharedSettings(@DefaultValue Security security, @DefaultValue EventStore eventStore,
        @DefaultValue Processors processors, @DefaultValue Api api) {

    public record Security(@DefaultValue("") String apiKeys) {
    }

    /** Events read per store query, and how often the store is polled for other processes' appends. */
    public record EventStore(@DefaultValue("500") int batchSize, @DefaultValue("50") long fetchDelayMs) {
        public EventStore {
            if (batchSize < 1 || fetchDelayMs < 1) {
                throw new IllegalArgumentException("ledger.event-store: batch-size and fetch-delay-ms must be positive");
            }
        }
    }

    /** How long a dead instance's segment claims last. */
    public record Processors(@DefaultValue("10s") Duration claimTimeout) {
        public Processors {
            if (claimTimeout.isNegative() || claimTimeout.isZero()) {
                throw new IllegalArgumentException("ledger.processors.claim-timeout must be positive");
            }
        }
    }

    /** How the side's OpenAPI document names it. */
    public record Api(@DefaultValue("Contact Ledger") String title, @DefaultValue("") String description,
            @DefaultValue("0.1.0") String version) {
    }
}
