package io.contactledger.support.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long answers are kept ({@code retention}, 24 h by DESIGN §7), how long a running request
 * holds its key before a repeat may take it over ({@code lease}: longer than any command takes),
 * and how often expired answers are purged.
 */
@ConfigurationProperties("ledger.idempotency")
record IdempotencySettings(@DefaultValue("24h") Duration retention, @DefaultValue("10s") Duration lease,
        @DefaultValue("5m") Duration purgeInterval) {

    IdempotencySettings {
        if (retention.isNegative() || retention.isZero() || lease.isNegative() || lease.isZero()
                || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("ledger.idempotency durations must be positive");
        }
    }
}
