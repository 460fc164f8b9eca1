package io.contactledger.bench;

/**
 * As-of views and history pages of one contact with a long history (100,000 events; 20,000 in
 * quick mode), seeded through the event store and projected (so its checkpoints exist): p50/p99
 * of {@code atVersion} at the middle and at the end, and of one history page of 200 events.
 */
final class AsOfPhase extends Phase {

    private static final String CONTACT = "long-history";

    AsOfPhase(BenchContext context) {
        super(context);
    }

    void asOf(EventSeeder seeder, Client reader, Client operator) throws Exception {
        int events = quick ? 20_000 : 100_000;
        long last = seeder.seedLongHistory("bench", CONTACT, events);
        awaitProjectionCaughtUp(operator);
        int rounds = quick ? 50 : 200;
        Latencies middle = new Latencies();
        Latencies end = new Latencies();
        Latencies page = new Latencies();
        String contact = WS + "/contacts/" + CONTACT;
        for (int i = 0; i < rounds; i++) {
            timed(middle, reader, contact + "?atVersion=" + (last / 2 + i));
            timed(end, reader, contact + "?atVersion=" + last);
            timed(page, reader, contact + "/history?order=desc&limit=200");
        }
        results.put("asof_events", last + 1);
        results.put("asof_middle_p50_ms", middle.percentileMs(50));
        results.put("asof_middle_p99_ms", middle.percentileMs(99));
        results.put("asof_end_p50_ms", end.percentileMs(50));
        results.put("asof_end_p99_ms", end.percentileMs(99));
        results.put("asof_p99_ms", Math.max(middle.percentileMs(99), end.percentileMs(99)));
        results.put("history_page_p50_ms", page.percentileMs(50));
        results.put("history_page_p99_ms", page.percentileMs(99));
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
