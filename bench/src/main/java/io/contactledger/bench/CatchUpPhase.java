package io.contactledger.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** Seeded histories and a full rebuild of the read model over them. */
final class CatchUpPhase extends Phase {

    CatchUpPhase(BenchContext context) {
        super(context);
    }

    /** Seeded histories for the catch-up to replay: N contacts, ten events each, through Axon's storage engine. */
    int seedForCatchUp(EventSeeder seeder, CommandMix mix) throws Exception {
        int contacts = quick ? 10_000 : 100_000;
        long t0 = System.nanoTime();
        long events = seeder.seed("bench", "s-", 0, contacts, 2);
        results.put("seed_events_per_s", Math.round(events / ((System.nanoTime() - t0) / 1e9)));
        mix.seeded(contacts);
        return contacts;
    }

    /**
     * A full rebuild: events per second from the build's start until its copy went live; meanwhile
     * one agent reads seeded profiles back to back (rebuild_read_p99_ms; rebuild_misses counts any
     * answer but 200, which a rebuild beside the live copy must never cause).
     */
    void catchUp(Client operator, Client reader, int seeded) throws Exception {
        // the seeded histories first reach the live copy, so reads during the rebuild find every contact,
        // and the feed's copy of them, so its catching up does not share the machine with the rebuild
        awaitAllProjectionsCaughtUp(operator);
        long[] before = databaseCounters();
        java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
        Latencies reads = new Latencies();
        java.util.concurrent.atomic.AtomicLong misses = new java.util.concurrent.atomic.AtomicLong();
        Thread agent = new Thread(() -> {
            java.util.Random random = new java.util.Random(7);
            // an agent's pace (100 reads/s, as in the queries phase): reading back to back, one client took
            // most of the query side's CPU from the rebuild on two cores (JFR, full mode: 940 reads/s)
            long next = System.nanoTime();
            while (rebuilding.get()) {
                next += 10_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                long t0 = System.nanoTime();
                int status = reader.read(BenchContext.WS + "/contacts/s-" + random.nextInt(seeded));
                reads.add(System.nanoTime() - t0);
                if (status != 200) {
                    misses.incrementAndGet();
                    errors.count("rebuild-read", status);
                }
            }
        }, "rebuild-reader");
        warmUp(reader, seeded);
        agent.start();
        try {
            replay(operator);
        } finally {
            rebuilding.set(false);
            agent.join();
            results.put("rebuild_reads", reads.count());
            results.put("rebuild_read_p99_ms", round(reads.percentileMs(99)));
            results.put("rebuild_misses", misses.get());
            // what the database did meanwhile explains most of the spread between runs
            long[] after = databaseCounters();
            results.put("catchup_db_checkpoints", after[0] - before[0]);
            results.put("catchup_db_profile_updates", after[1] - before[1]);
            results.put("catchup_db_profile_hot_updates", after[2] - before[2]);
            results.put("catchup_db_profile_autovacuums", after[3] - before[3]);
        }
    }

    /**
     * Reads back to back before the rebuild, unmeasured: a service whose agents read all day has its
     * read path compiled, while here it would be compiled during the build (JFR: a third of the query
     * side's compiler time in the build, and the agent's first reads its slowest).
     */
    private void warmUp(Client reader, int seeded) {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < (quick ? 2_000 : 5_000); i++) {
            reader.read(BenchContext.WS + "/contacts/s-" + random.nextInt(seeded));
        }
    }

    /** Checkpoints so far, and both profile copies' updates, heap-only updates and autovacuums. */
    private long[] databaseCounters() throws Exception {
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter),"
                        + " SUM(n_tup_upd), SUM(n_tup_hot_upd), SUM(autovacuum_count) FROM pg_stat_user_tables"
                        + " WHERE relname IN ('contact_profile', 'contact_profile_b') AND schemaname = current_schema()")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)};
        }
    }

    /** Asks for the rebuild and follows its build until the rebuilt copy is live. */
    private void replay(Client operator) throws Exception {
        long previous = profileProjection(operator).path("build").path("id").asLong(0);
        operator.send("POST", "/admin/projections/contact-profiles/rebuild", null);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode build = profileProjection(operator).path("build");
            if (build.path("id").asLong(0) > previous) {
                String state = build.path("state").asText();
                if (state.equals("failed") || state.equals("cancelled")) {
                    throw new IllegalStateException("the rebuild ended " + state + ": " + build);
                }
                if (state.equals("done")) {
                    double secondsTaken = java.time.Duration.between(java.time.Instant.parse(build.get("startedAt").asText()),
                            java.time.Instant.parse(build.get("finishedAt").asText())).toMillis() / 1e3;
                    double perSecond = build.get("eventsDone").asLong() / secondsTaken;
                    results.put("catchup_events", build.get("eventsDone").asLong());
                    results.put("catchup_events_per_s", Math.round(perSecond));
                    if (results.get("raw_upsert_rows_per_s") instanceof Number raw) {
                        results.put("catchup_ratio", round(perSecond / raw.doubleValue()));
                    }
                    return;
                }
            }
            // the build's own start and end times are measured, not this poll's: polling every 20 ms cost
            // the query side a fifth of its request threads' samples during the rebuild (JFR)
            Thread.sleep(250);
        }
        throw new IllegalStateException("the rebuild did not finish in 10 minutes");
    }
}
