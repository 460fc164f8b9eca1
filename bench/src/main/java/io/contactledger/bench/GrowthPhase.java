package io.contactledger.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Cost growth: the command side's throughput before and after the store grows. */
final class GrowthPhase extends Phase {

    GrowthPhase(BenchContext context) {
        super(context);
    }

    /**
     * Cost growth: the command side alone (the query side is stopped, so its catch-up does not
     * compete for the CPUs) runs the mix on the store as it is, then again after seeding it to
     * the target size. Each window starts right after a PostgreSQL checkpoint, so both pay the
     * same full-page writes and neither a flush of the seeding.
     */
    void costGrowth(EventSeeder seeder, CommandMix mix, int seededSoFar) throws Exception {
        long target = quick ? 500_000 : 10_000_000;
        int duration = seconds(10, 30);
        boolean checkpointed = checkpointNow();
        mix.run("growth", clients(), 5, new Latencies());
        Latencies before = new Latencies();
        mix.run("growth", clients(), duration, before);
        long storeBefore = storeSize();
        int more = (int) Math.max(0, (target - storeBefore) / EventSeeder.EVENTS_PER_CONTACT);
        long t0 = System.nanoTime();
        long appended = seeder.seed("bench", "s-", seededSoFar, more, 2);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        mix.seeded(seededSoFar + more);
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE domain_event_entry");
        }
        // the seeding's and the vacuum's writes flushed now, not in the window after (2026-12-01: a
        // checkpoint the vacuum started ran through it); the window before starts after one too
        checkpointed &= checkpointNow();
        mix.run("growth", clients(), 5, new Latencies());
        Latencies after = new Latencies();
        mix.run("growth", clients(), duration, after);
        double beforePerSecond = before.count() / (double) duration;
        double afterPerSecond = after.count() / (double) duration;
        results.put("growth_store_events_before", storeBefore);
        results.put("growth_store_events_after", storeSize());
        results.put("growth_seed_events_per_s", Math.round(appended / seedSeconds));
        results.put("growth_commands_per_s_before", Math.round(beforePerSecond));
        results.put("growth_commands_per_s_after", Math.round(afterPerSecond));
        results.put("growth_command_p99_ms_before", before.percentileMs(99));
        results.put("growth_command_p99_ms_after", after.percentileMs(99));
        results.put("growth_ratio", round(afterPerSecond / beforePerSecond));
        results.put("growth_checkpointed", checkpointed);
    }

    private boolean checkpointNow() throws Exception {
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement()) {
            return checkpoint(s);
        }
    }

   private long storeSize() throws Exception {
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }
}
