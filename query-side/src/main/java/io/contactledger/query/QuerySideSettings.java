package io.contactledger.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query side's own settings (those both sides share: SharedSettings) ({@code ledger.*}, mapped from LEDGER_* in query-side.yml; the
 * README's configuration table is checked against that file). Checked when the application starts.
 */
@ConfigurationProperties("ledger")
public record QuerySideSettings(@DefaultValue("") String cursorSecret, @DefaultValue Processors processors,
        @DefaultValue Rebuild rebuild) {

    /** How the projections' processors are watched and their segments shared between instances. */
    public record Processors(@DefaultValue("2000") long balanceIntervalMs, @DefaultValue("1000") long watchdogIntervalMs) {
        public Processors {
            if (balanceIntervalMs < 1 || watchdogIntervalMs < 1) {
                throw new IllegalArgumentException("ledger.processors: intervals must be positive");
            }
        }
    }

    /** How often an instance looks for a rebuild asked of any instance. */
    public record Rebuild(@DefaultValue("500") long checkIntervalMs) {
        public Rebuild {
            if (checkIntervalMs < 1) {
                throw new IllegalArgumentException("ledger.rebuild.check-interval-ms must be positive");
            }
        }
    }
}
