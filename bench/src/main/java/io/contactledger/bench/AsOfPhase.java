package io.contactledger.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * As-of views and history pages of one contact with a long history (100,000 events; 20,000 in
 * quick mode), seeded through the event store and projected (so its checkpoints exist): p50/p99
 * of {@code atVersion} at the middle and at the end, and of one history page of 200 events, after
 * 20 unmeasured rounds of each; and the query side's CPU per view of each kind.
 */
final class AsOfPhase extends Phase {

    private static final String CONTACT = "long-history";
    private static final int WARM_UP_ROUNDS = 20;

    AsOfPhase(BenchContext context) {
        super(context);
    }

    void asOf(EventSeeder seeder, Client reader, Client operator, Service querySide) throws Exception {
        int events = quick ? 20_000 : 100_000;
        long last = seeder.seedLongHistory("bench", CONTACT, events);
        awaitProjectionCaughtUp(operator);
        int rounds = quick ? 50 : 200;
        String contact = WS + "/contacts/" + CONTACT;
        // unmeasured, as every other phase warms up: the first views of a fresh process run
        // interpreted and read cold pages, and were most of the p99 of 200 (server-side log)
        Latencies unmeasured = new Latencies();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            timed(unmeasured, reader, contact + "?atVersion=" + (last / 2 + rounds + i));
            timed(unmeasured, reader, contact + "?atVersion=" + last);
            timed(unmeasured, reader, contact + "/history?order=desc&limit=200");
        }
        // one kind after another, so the query side's CPU per view is told apart by kind
        Latencies middle = measured(reader, querySide, rounds, i -> contact + "?atVersion=" + (last / 2 + i), "asof_middle");
        Latencies end = measured(reader, querySide, rounds, i -> contact + "?atVersion=" + last, "asof_end");
        Latencies page = measured(reader, querySide, rounds, i -> contact + "/history?order=desc&limit=200", "history_page");
        results.put("asof_events", last + 1);
        results.put("asof_middle_p50_ms", middle.percentileMs(50));
        results.put("asof_middle_p99_ms", middle.percentileMs(99));
        results.put("asof_end_p50_ms", end.percentileMs(50));
        results.put("asof_end_p99_ms", end.percentileMs(99));
        results.put("asof_p99_ms", Math.max(middle.percentileMs(99), end.percentileMs(99)));
        results.put("history_page_p50_ms", page.percentileMs(50));
        results.put("history_page_p99_ms", page.percentileMs(99));
    }

    /** {@code rounds} reads of {@code path(i)}, timed, with the query side's CPU per read under {@code key}_cpu_ms. */
    private Latencies measured(Client reader, Service querySide, int rounds, IntFunction<String> path, String key) {
        Latencies latencies = new Latencies();
        CpuPerRequest cpu = CpuPerRequest.startingNow(List.of(querySide));
        for (int i = 0; i < rounds; i++) {
            timed(latencies, reader, path.apply(i));
        }
        cpu.report(results, key + "_cpu_ms", rounds);
        return latencies;
    }

    private void timed(Latencies latencies, Client reader, String path) {
        long t0 = System.nanoTime();
        int status = reader.statusOf("GET", path, null);
        latencies.add(System.nanoTime() - t0);
        if (status != 200) {
            errors.count("asof", status);
        }
    }
}
