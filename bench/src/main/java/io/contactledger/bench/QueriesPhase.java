package io.contactledger.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/** Profile GETs and searches at a fixed rate over a grown read model. */
final class QueriesPhase extends Phase {

    QueriesPhase(BenchContext context) {
        super(context);
    }

    /** Profile GETs and searches at a fixed request rate over a read model grown to N contacts. */
    void queries(Client reader) throws Exception {
        int contacts = quick ? 20_000 : 1_000_000;
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement()) {
            // Bulk rows shaped exactly like projected profiles (the projection's own JSON), so reads are real,
            // into the live copy of the read model (a rebuild before this phase switched copies).
            String table;
            try (ResultSet live = s.executeQuery("SELECT active FROM read_model_slot WHERE model = 'contact-profiles'")) {
                live.next();
                table = live.getString(1).equals("a") ? "contact_profile" : "contact_profile_" + live.getString(1);
            }
            s.execute("INSERT INTO " + table + " (workspace_id, contact_id, type, name, email, phone, customer_id, search_text,"
                    + " created_at, version, document) SELECT 'bench', 'seed-' || n, 'LEAD', 'Person ' || n,"
                    + " 'p' || n || '@example.com', NULL, NULL, 'person ' || n || chr(10) || 'p' || n || '@example.com',"
                    + " 1700000000000000 + n, 2, '{\"workspaceId\":\"bench\",\"contactId\":\"seed-' || n || '\",\"type\":\"LEAD\","
                    + "\"name\":\"Person ' || n || '\",\"email\":\"p' || n || '@example.com\",\"phone\":null,\"country\":\"GB\","
                    + "\"timezone\":\"Europe/London\",\"customerId\":null,\"tags\":[],\"customFields\":{},\"notes\":[],"
                    + "\"createdAt\":\"2023-11-14T22:13:20Z\",\"updatedAt\":\"2023-11-14T22:13:20Z\",\"version\":2}'"
                    + " FROM generate_series(1, " + contacts + ") AS n ON CONFLICT DO NOTHING");
            s.execute("VACUUM ANALYZE " + table);
            results.put("query_setup_checkpointed", checkpoint(s));
            try (ResultSet count = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                count.next();
                results.put("query_contacts", count.getLong(1));
            }
        }
        int rate = 100;
        // a warm-up of the same mix: the first seconds were the JIT and a cold buffer cache
        queryMix(reader, contacts, rate, seconds(5, 10), new Latencies(), new Latencies());
        Latencies gets = new Latencies();
        Latencies searches = new Latencies();
        queryMix(reader, contacts, rate, seconds(10, 30), gets, searches);
        results.put("profile_get_p50_ms", gets.percentileMs(50));
        results.put("profile_get_p99_ms", gets.percentileMs(99));
        results.put("search_p50_ms", searches.percentileMs(50));
        results.put("search_p99_ms", searches.percentileMs(99));
        results.put("query_rate_per_s", rate);
    }

    /** Half profile GETs, half searches, at a fixed rate; each timed from when it was due to start. */
    private void queryMix(Client reader, int contacts, int rate, int seconds, Latencies gets, Latencies searches)
            throws InterruptedException {
        FixedRate.run(rate, seconds, (i, due) -> {
            int n = 1 + ThreadLocalRandom.current().nextInt(contacts);
            boolean search = i % 2 == 1;
            // the plain blocking client, as for the reads beside a rebuild: the JDK's HttpClient costs the
            // shared cores more per request (Client.read)
            int status = reader.read(search ? WS + "/contacts?q=person%20" + n + "&limit=20" : WS + "/contacts/seed-" + n);
            (search ? searches : gets).add(System.nanoTime() - due);
            if (status != 200) {
                errors.count(search ? "search" : "profile-get", status);
            }
        });
    }
}
