package io.contactledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark: raw PostgreSQL baselines, then both sides as processes on a fresh schema of the
 * same database, measured over HTTP (commands, projection lag, catch-up, queries). Writes every
 * figure with its conditions to one JSON file.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String WS = "/api/v1/workspaces/bench";
    private static final int LAG_SAMPLE_EVERY = 10;

    private final Map<String, String> args;
    private final boolean quick;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Errors errors = new Errors();
    private String schemaUrl;
    private String rawUrl;
    private String schema;

    private Bench(Map<String, String> args) {
        this.args = args;
        this.quick = "quick".equals(args.get("mode"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new Bench(args).run();
    }

    private int clients() {
        return quick ? 8 : 16;
    }

    /** {@code --only <phase>} (raw, commands, catchup, queries, growth) runs one phase, to profile it; ratios then lack a baseline. */
    private boolean runs(String phase) {
        return !args.containsKey("only") || args.get("only").equals(phase);
    }

    private int seconds(int quickSeconds, int fullSeconds) {
        return quick ? quickSeconds : fullSeconds;
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        schema = "bench_" + System.currentTimeMillis();
        try (Connection c = connect(args.get("pg")); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE SCHEMA " + schema + "_raw");
        }
        String separator = args.get("pg").contains("?") ? "&" : "?";
        schemaUrl = args.get("pg") + separator + "currentSchema=" + schema;
        // the raw baselines get a schema of their own: Flyway owns the service's schema
        rawUrl = args.get("pg") + separator + "currentSchema=" + schema + "_raw";
        Path logs = Files.createTempDirectory("ledger-bench");
        List<Service> services = new ArrayList<>();
        try {
            if (runs("raw")) {
                rawBaselines();
            }
            Map<String, String> env = environment();
            Map<String, String> commandEnv = new HashMap<>(env);
            if (args.containsKey("profile")) {
                commandEnv.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + args.get("profile") + ",settings=profile");
            }
            Service commandSide = Service.start("command-side", Path.of("command-side/target/command-side.jar"), commandEnv,
                    logs.resolve("command-side.log"));
            services.add(commandSide);
            // --command-instances N: more command-side instances on the same database (the mix spreads over all)
            int commandInstances = Integer.parseInt(args.getOrDefault("command-instances", "1"));
            List<Client> integrations = new ArrayList<>(List.of(new Client(commandSide.url(), env.get("INTEGRATION_KEY"))));
            for (int i = 2; i <= commandInstances; i++) {
                Service more = Service.start("command-side-" + i, Path.of("command-side/target/command-side.jar"), env,
                        logs.resolve("command-side-" + i + ".log"));
                services.add(more);
                integrations.add(new Client(more.url(), env.get("INTEGRATION_KEY")));
            }
            results.put("command_instances", commandInstances);
            Map<String, String> queryEnv = new HashMap<>(env);
            if (args.containsKey("profile")) {
                queryEnv.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + args.get("profile") + ".query.jfr,settings=profile");
            }
            Service querySide = Service.start("query-side", Path.of("query-side/target/query-side.jar"), queryEnv,
                    logs.resolve("query-side.log"));
            services.add(querySide);
            Client integration = new Client(commandSide.url(), env.get("INTEGRATION_KEY"));
            Client admin = new Client(commandSide.url(), env.get("ADMIN_KEY"));
            Client reader = new Client(querySide.url(), env.get("AGENT_KEY"));
            Client operator = new Client(querySide.url(), env.get("OPERATOR_KEY"));
            admin.send("PUT", WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"LIST\",\"options\":[\"free\",\"pro\"]}");

            CommandMix mix = new CommandMix(integrations, errors);
            EventSeeder seeder = new EventSeeder(schemaUrl, args.get("user"), args.getOrDefault("password", ""));
            if (runs("commands")) {
                List<String> contacts = commands(mix);
                lag(integration, reader, operator, contacts);
            }
            int seeded = seedForCatchUp(seeder, mix);
            if (runs("catchup")) {
                catchUp(operator);
            }
            if (runs("queries")) {
                queries(reader);
            }
            querySide.stop();
            if (runs("growth")) {
                costGrowth(seeder, mix, seeded);
            }
            results.put("errors", errors.total());
            results.put("errors_by_phase_and_status", errors.byKind());
            results.put("conditions", conditions(started));
        } finally {
            for (Service service : services) {
                service.stop();
            }
            try (Connection c = connect(args.get("pg")); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + schema + "_raw CASCADE");
            }
        }
        Path out = Path.of(args.getOrDefault("out", "bench/results/latest.json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writeValueAsString(results) + "\n");
        System.out.println(JSON.writeValueAsString(results));
    }

    private Map<String, String> environment() {
        Map<String, String> keys = new HashMap<>();
        for (String role : List.of("integration", "agent", "admin", "operator")) {
            keys.put(role.toUpperCase() + "_KEY", "k_" + role + "_" + random());
        }
        Map<String, String> env = new HashMap<>(keys);
        env.put("LEDGER_API_KEYS", "shop=" + keys.get("INTEGRATION_KEY") + "@bench:integration,agent=" + keys.get("AGENT_KEY")
                + "@bench:agent,admin=" + keys.get("ADMIN_KEY") + "@bench:admin,ops=" + keys.get("OPERATOR_KEY") + "@*:operator");
        env.put("LEDGER_TOKEN_SECRET", random() + random());
        env.put("LEDGER_DB_URL", schemaUrl);
        env.put("LEDGER_DB_USER", args.get("user"));
        env.put("LEDGER_DB_PASSWORD", args.getOrDefault("password", ""));
        env.put("LEDGER_DB_POOL_SIZE", "20");
        return env;
    }

    /** Single-row insert transactions into an events-shaped table at the command load's concurrency; a set-based upsert. */
    private void rawBaselines() throws Exception {
        try (Connection c = connect(rawUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_events (global_index BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " event_identifier VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL,"
                    + " sequence_number BIGINT NOT NULL, type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL,"
                    + " payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), payload BYTEA NOT NULL, meta_data BYTEA,"
                    + " UNIQUE (aggregate_identifier, sequence_number))");
            s.execute("CREATE TABLE raw_profiles (workspace_id VARCHAR(63), contact_id VARCHAR(64), type VARCHAR(16),"
                    + " name VARCHAR(200), search_text VARCHAR(700), created_at BIGINT, version BIGINT, document TEXT,"
                    + " PRIMARY KEY (workspace_id, contact_id))");
        }
        int duration = seconds(8, 30);
        AtomicLong done = new AtomicLong();
        byte[] payload = new byte[220];
        ExecutorService pool = Executors.newFixedThreadPool(clients());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        for (int t = 0; t < clients(); t++) {
            int thread = t;
            pool.submit(() -> {
                try (Connection c = connect(rawUrl); PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO raw_events (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                                + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, 'Contact', ?, 'x', '1', ?, ?)")) {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        insert.setString(1, thread + "-" + n);
                        insert.setString(2, "bench/" + thread + "-" + n);
                        insert.setLong(3, 0);
                        insert.setString(4, java.time.Instant.now().toString());
                        insert.setBytes(5, payload);
                        insert.setBytes(6, payload);
                        insert.executeUpdate();
                        n++;
                        done.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration + 60, TimeUnit.SECONDS);
        results.put("raw_tx_per_s", Math.round(done.get() / (double) duration));

        int rows = quick ? 200_000 : 1_000_000;
        try (Connection c = connect(rawUrl); Statement s = c.createStatement()) {
            String upsert = "INSERT INTO raw_profiles SELECT 'bench', 'c-' || n, 'LEAD', 'Person ' || n, 'person ' || n, n, %d,"
                    + " '{\"contactId\":\"c-' || n || '\",\"version\":%d}' FROM generate_series(1, " + rows + ") AS n"
                    + " ON CONFLICT (workspace_id, contact_id) DO UPDATE SET version = EXCLUDED.version, document = EXCLUDED.document";
            s.execute(String.format(upsert, 1, 1));
            long t0 = System.nanoTime();
            s.execute(String.format(upsert, 2, 2));
            double secondsTaken = (System.nanoTime() - t0) / 1e9;
            results.put("raw_upsert_rows_per_s", Math.round(rows / secondsTaken));
        }
    }

    /** The chat mix after a warm-up (the JIT compiles the hot paths first, as in a service that has been up a while). */
    private List<String> commands(CommandMix mix) throws Exception {
        mix.run("warm-up", clients(), seconds(30, 60), new Latencies());
        int duration = seconds(20, 60);
        Latencies latencies = new Latencies();
        List<String> created = mix.run("commands", clients(), duration, latencies);
        double perSecond = latencies.count() / (double) duration;
        results.put("commands_per_s", Math.round(perSecond));
        if (results.get("raw_tx_per_s") instanceof Number raw) {
            results.put("command_ratio", round(perSecond / raw.doubleValue()));
        }
        results.put("command_p50_ms", latencies.percentileMs(50));
        results.put("command_p95_ms", latencies.percentileMs(95));
        results.put("command_p99_ms", latencies.percentileMs(99));
        return created;
    }

    /** Seeded histories for the catch-up to replay: N contacts, ten events each, through Axon's storage engine. */
    private int seedForCatchUp(EventSeeder seeder, CommandMix mix) throws Exception {
        int contacts = quick ? 10_000 : 100_000;
        long t0 = System.nanoTime();
        long events = seeder.seed("bench", "s-", 0, contacts, 2);
        results.put("seed_events_per_s", Math.round(events / ((System.nanoTime() - t0) / 1e9)));
        mix.seeded(contacts);
        return contacts;
    }

    /**
     * Cost growth: the command side alone (the query side is stopped, so its catch-up does not
     * compete for the CPUs) runs the mix on the store as it is, then again after seeding it to
     * the target size.
     */
    private void costGrowth(EventSeeder seeder, CommandMix mix, int seededSoFar) throws Exception {
        long target = quick ? 500_000 : 10_000_000;
        int duration = seconds(10, 30);
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
    }

    private long storeSize() throws Exception {
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Notes at a fixed rate; for every {@value #LAG_SAMPLE_EVERY}th, the time from its response
     * until the profile shows its version (a read after every command would double the load the
     * rate is meant to set). Starts once the projection has caught up with the commands phase,
     * whose backlog would otherwise be measured as lag.
     */
    private void lag(Client commands, Client reader, Client operator, List<String> contacts) throws Exception {
        awaitProjectionCaughtUp(operator);
        int rate = Integer.parseInt(args.getOrDefault("lag-rate", "1000"));
        int duration = seconds(10, 30);
        Latencies lag = new Latencies();
        AtomicLong firstAnswer = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastAnswer = new AtomicLong();
        FixedRate.run(rate, duration, (n, due) -> {
            String id = contacts.get(ThreadLocalRandom.current().nextInt(contacts.size()));
            // a note is always a new event, so every sample waits for a new version
            Client.Reply reply = commands.send("POST", WS + "/contacts/" + id + "/notes", "{\"text\":\"lag " + n + "\"}");
            long answered = System.nanoTime();
            firstAnswer.accumulateAndGet(answered, Math::min);
            lastAnswer.accumulateAndGet(answered, Math::max);
            if (reply.status() != 200 && reply.status() != 201) {
                errors.count("lag-command", reply.status());
                return;
            }
            if (n % LAG_SAMPLE_EVERY != 0) {
                return;
            }
            long version = JSON.readTree(reply.body()).get("version").asLong();
            int status = reader.statusOf("GET", WS + "/contacts/" + id + "?minVersion=" + version, null);
            // a read that gave up (503 after the 5 s wait) still counts its wait in the percentiles
            lag.add(System.nanoTime() - answered);
            if (status != 200) {
                errors.count("lag-read", status);
            }
        });
        results.put("lag_rate_per_s", rate);
        results.put("lag_answered_per_s", Math.round(rate * duration / ((lastAnswer.get() - firstAnswer.get()) / 1e9)));
        results.put("lag_samples", lag.count());
        results.put("lag_p50_ms", lag.percentileMs(50));
        results.put("lag_p99_ms", lag.percentileMs(99));
    }

    private void awaitProjectionCaughtUp(Client operator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (profileProjection(operator).get("lag").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projection did not catch up in 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** The contact-profiles entry of {@code GET /admin/projections}. */
    private static JsonNode profileProjection(Client operator) throws Exception {
        for (JsonNode projection : JSON.readTree(operator.send("GET", "/admin/projections", null).body())) {
            if ("contact-profiles".equals(projection.path("name").asText())) {
                return projection;
            }
        }
        throw new IllegalStateException("GET /admin/projections lists no contact-profiles");
    }

    /** A full rebuild: events per second from the replay's first progress until it caught up. */
    private void catchUp(Client operator) throws Exception {
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

    /** Profile GETs and searches at a fixed request rate over a read model grown to N contacts. */
    private void queries(Client reader) throws Exception {
        int contacts = quick ? 20_000 : 1_000_000;
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement()) {
            // Bulk rows shaped exactly like projected profiles (the projection's own JSON), so reads are real.
            s.execute("INSERT INTO contact_profile (workspace_id, contact_id, type, name, email, phone, customer_id, search_text,"
                    + " created_at, version, document) SELECT 'bench', 'seed-' || n, 'LEAD', 'Person ' || n,"
                    + " 'p' || n || '@example.com', NULL, NULL, 'person ' || n || chr(10) || 'p' || n || '@example.com',"
                    + " 1700000000000000 + n, 2, '{\"workspaceId\":\"bench\",\"contactId\":\"seed-' || n || '\",\"type\":\"LEAD\","
                    + "\"name\":\"Person ' || n || '\",\"email\":\"p' || n || '@example.com\",\"phone\":null,\"country\":\"GB\","
                    + "\"timezone\":\"Europe/London\",\"customerId\":null,\"tags\":[],\"customFields\":{},\"notes\":[],"
                    + "\"createdAt\":\"2023-11-14T22:13:20Z\",\"updatedAt\":\"2023-11-14T22:13:20Z\",\"version\":2}'"
                    + " FROM generate_series(1, " + contacts + ") AS n ON CONFLICT DO NOTHING");
            s.execute("VACUUM ANALYZE contact_profile");
            flushSetupWrites(s);
            try (ResultSet count = s.executeQuery("SELECT COUNT(*) FROM contact_profile")) {
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

    /** A checkpoint now, so the setup's writes are not flushed during the measurement (needs pg_checkpoint or a superuser). */
    private void flushSetupWrites(Statement s) {
        try {
            s.execute("CHECKPOINT");
            results.put("query_setup_checkpointed", true);
        } catch (java.sql.SQLException e) {
            results.put("query_setup_checkpointed", false);
        }
    }

    /** Half profile GETs, half searches, at a fixed rate; each timed from when it was due to start. */
    private void queryMix(Client reader, int contacts, int rate, int seconds, Latencies gets, Latencies searches)
            throws InterruptedException {
        FixedRate.run(rate, seconds, (i, due) -> {
            int n = 1 + ThreadLocalRandom.current().nextInt(contacts);
            boolean search = i % 2 == 1;
            int status = search ? reader.statusOf("GET", WS + "/contacts?q=person%20" + n + "&limit=20", null)
                    : reader.statusOf("GET", WS + "/contacts/seed-" + n, null);
            (search ? searches : gets).add(System.nanoTime() - due);
            if (status != 200) {
                errors.count(search ? "search" : "profile-get", status);
            }
        });
    }

    private Map<String, Object> conditions(long started) throws Exception {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("mode", quick ? "quick" : "full");
        conditions.put("cpus", Runtime.getRuntime().availableProcessors());
        conditions.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection c = connect(args.get("pg")); Statement s = c.createStatement()) {
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "shared_buffers")) {
                try (ResultSet r = s.executeQuery("SHOW " + setting)) {
                    r.next();
                    conditions.put("pg_" + setting, r.getString(1));
                }
            }
        }
        conditions.put("clients", clients());
        conditions.put("database", "PostgreSQL on the same machine, both sides and the load generator sharing its CPUs");
        conditions.put("running_time_s", Math.round((System.nanoTime() - started) / 1e9));
        return conditions;
    }

    private Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, args.get("user"), args.getOrDefault("password", ""));
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
