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

    /** A full rebuild: events per second from the replay's first progress until it caught up. */
    void catchUp(Client operator) throws Exception {
        long[] before = databaseCounters();
        try {
            replay(operator);
        } finally {
            // what the database did meanwhile explains most of the spread between runs
            long[] after = databaseCounters();
            results.put("catchup_db_checkpoints", after[0] - before[0]);
            results.put("catchup_db_profile_updates", after[1] - before[1]);
            results.put("catchup_db_profile_hot_updates", after[2] - before[2]);
            results.put("catchup_db_profile_autovacuums", after[3] - before[3]);
        }
    }

    /** Checkpoints so far, and contact_profile's updates, heap-only updates and autovacuums. */
    private long[] databaseCounters() throws Exception {
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter),"
                        + " n_tup_upd, n_tup_hot_upd, autovacuum_count FROM pg_stat_user_tables"
                        + " WHERE relname = 'contact_profile' AND schemaname = current_schema()")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)};
        }
    }

   private void replay(Client operator) throws Exception {
        operator.send("POST", "/admin/projections/contact-profiles/rebuild", null);
        long head = 0;
        long startPosition = -1;
        long startedAt = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode status = profileProjection(operator);
            head = status.get("head").asLong();
            long position = status.get("position").asLong();
            boolean replaying = status.get("replaying").asBoolean();
            if (startedAt == 0 && replaying && position > 0) {
                startedAt = System.nanoTime();
                startPosition = position;
            }
            if (startedAt != 0 && !replaying && status.get("lag").asLong() == 0) {
                double secondsTaken = (System.nanoTime() - startedAt) / 1e9;
                double perSecond = (head - startPosition) / secondsTaken;
                results.put("catchup_events", head);
                results.put("catchup_events_per_s", Math.round(perSecond));
                if (results.get("raw_upsert_rows_per_s") instanceof Number raw) {
                    results.put("catchup_ratio", round(perSecond / raw.doubleValue()));
                }
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the rebuild did not finish in 10 minutes");
    }
}
