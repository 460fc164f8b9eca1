package io.contactledger.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The query side's own settings (those both sides share: SharedSettings) ({@code ledger.*}, mapped from LEDGER_* in query-side.yml; the
 * README's configuration table is checked against that file). Checked when the application starts.
 */
@ConfigurationProperties("ledger")
public record QuerySideSettings(@DefaultValue("") String cursorSecret, @DefaultValue Processors processors,
        @DefaultValue Rebuild rebuild, @DefaultValue Live live, @DefaultValue Console console,
        @DefaultValue Checkpoints checkpoints, @DefaultValue Webhooks webhooks) {

    /** How the projections' processors are watched and their segments shared between instances. */
    public record Processors(@DefaultValue("2000") long balanceIntervalMs, @DefaultValue("1000") long watchdogIntervalMs) {
        public Processors {
            if (balanceIntervalMs < 1 || watchdogIntervalMs < 1) {
                throw new IllegalArgumentException("ledger.processors: intervals must be positive");
            }
        }
    }

    /**
     * How often an instance looks for a rebuild asked of any instance, and how many events a rebuild
     * writes per transaction: at most {@code batchSize}, and fewer once their stored payloads reach
     * {@code batchBytes}. A build holds up to eight batches at once (read, prepared, folded,
     * written: docs/decisions.md), so both are capped where eight of them stay small beside a
     * 768 MB heap (≈ 2 KB an event in flight; an opened payload takes a few times its stored bytes).
     */
    public record Rebuild(@DefaultValue("500") long checkIntervalMs, @DefaultValue("1000") int batchSize,
            @DefaultValue("8MB") DataSize batchBytes) {
        public static final int MAX_BATCH_SIZE = 10_000;
        public static final DataSize MAX_BATCH_BYTES = DataSize.ofMegabytes(16);

        public Rebuild {
            if (checkIntervalMs < 1 || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("ledger.rebuild: check-interval-ms must be positive and batch-size between 1 and "
                        + MAX_BATCH_SIZE + " (a build holds eight batches at once)");
            }
            if (batchBytes.toBytes() < 1 || batchBytes.compareTo(MAX_BATCH_BYTES) > 0) {
                throw new IllegalArgumentException("ledger.rebuild: batch-bytes must be between 1B and " + MAX_BATCH_BYTES.toMegabytes()
                        + "MB (a build holds eight batches at once)");
            }
        }
    }

    /**
     * The live update streams (DESIGN §8): a comment every {@code heartbeatMs} keeps idle streams
     * open; every {@code pollIntervalMs} the read model is polled for rows written up to
     * {@code overlapMs} before the previous poll (a batch stamped before it committed, or by an
     * instance whose clock is a little behind); at most {@code maxStreams} streams per instance.
     */
    public record Live(@DefaultValue("15000") long heartbeatMs, @DefaultValue("200") long pollIntervalMs,
            @DefaultValue("2000") long overlapMs, @DefaultValue("2000") int maxStreams) {
        public Live {
            if (heartbeatMs < 1 || pollIntervalMs < 1 || overlapMs < 0 || maxStreams < 1) {
                throw new IllegalArgumentException("ledger.live: intervals and the stream limit must be positive");
            }
        }
    }

    /**
     * The agent console: where its pages send writes. Empty means the command side on the host
     * the console was loaded from, port 8081 (the launcher's layout).
     */
    public record Console(@DefaultValue("") String commandSideUrl, @DefaultValue("Contact Ledger") String title) {
        public Console {
            if (!commandSideUrl.isEmpty() && !commandSideUrl.matches("https?://[^\\s/?#]+")) {
                throw new IllegalArgumentException("ledger.console.command-side-url must be an origin such as https://commands.example.com");
            }
        }
    }

    /** A profile is checkpointed each time its version crosses a multiple of {@code every}. */
    public record Checkpoints(@DefaultValue("1000") int every) {
        public Checkpoints {
            if (every < 1) {
                throw new IllegalArgumentException("ledger.checkpoints.every must be positive");
            }
        }
    }

    /**
     * Webhook deliveries (DESIGN §10): retried from {@code firstRetry}, doubling up to
     * {@code maxRetryInterval}, for {@code retryWindow}, then parked; each attempt waits at most
     * {@code timeout} and holds its delivery for {@code lease} (another instance retries it after
     * that); {@code senders} attempts at once per instance, at most {@code perSubscription} of them
     * for one subscription. URLs resolving to private addresses are refused unless {@code allowPrivate}.
     */
    public record Webhooks(@DefaultValue("false") boolean allowPrivate, @DefaultValue("24h") java.time.Duration retryWindow,
            @DefaultValue("10s") java.time.Duration firstRetry, @DefaultValue("1h") java.time.Duration maxRetryInterval,
            @DefaultValue("10s") java.time.Duration timeout, @DefaultValue("30s") java.time.Duration lease,
            @DefaultValue("500") long pollIntervalMs, @DefaultValue("8") int senders, @DefaultValue("4") int perSubscription) {
        public Webhooks {
            if (retryWindow.isNegative() || firstRetry.isNegative() || firstRetry.isZero() || maxRetryInterval.compareTo(firstRetry) < 0
                    || timeout.isNegative() || timeout.isZero() || lease.compareTo(timeout) <= 0 || pollIntervalMs < 1
                    || senders < 1 || perSubscription < 1) {
                throw new IllegalArgumentException("ledger.webhooks: intervals must be positive, the lease longer than the timeout");
            }
        }
    }
}
