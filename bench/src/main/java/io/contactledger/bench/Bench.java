package io.contactledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: raw PostgreSQL baselines, then both sides as processes on a fresh schema of the
 * same database, measured over HTTP phase by phase (commands and lag, catch-up, queries, cost
 * growth). This class orchestrates: it makes the schemas and the services, runs the phases asked
 * for, and writes every figure with its conditions to one JSON file.
 */
public final class Bench {

    private final Map<String, String> args;
    private final boolean quick;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Errors errors = new Errors();

    private Bench(Map<String, String> args) {
        this.args = args;
        this.quick = "quick".equals(args.get("mode"));
    }

    public static void main(String[] argv) throws Exception {
        // the plain client's idle connections kept per server (default 5): more readers than that at once
        // would otherwise open a connection per request beyond the fifth (Client.read)
        System.setProperty("http.maxConnections", System.getProperty("http.maxConnections", "64"));
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new Bench(args).run();
    }

    /**
     * {@code --only <phase>[,<phase>...]} (raw, commands, crud, catchup, queries, asof, bulk, growth) runs
     * those phases only, to profile them; ratios then lack a baseline.
     */
    private boolean runs(String phase) {
        return !args.containsKey("only") || java.util.Arrays.asList(args.get("only").split(",")).contains(phase);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String schema = "bench_" + System.currentTimeMillis();
        try (Connection c = connect(args.get("pg")); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE SCHEMA " + schema + "_raw");
        }
        String separator = args.get("pg").contains("?") ? "&" : "?";
        // the raw baselines get a schema of their own: Flyway owns the service's schema
        BenchContext context = new BenchContext(args, quick, results, errors,
                args.get("pg") + separator + "currentSchema=" + schema, args.get("pg") + separator + "currentSchema=" + schema + "_raw");
        Path logs = Files.createTempDirectory("ledger-bench");
        List<Service> services = new ArrayList<>();
        try {
            if (runs("raw")) {
                new RawBaselines(context).rawBaselines();
            }
            Map<String, String> env = environment(context.schemaUrl());
            Service commandSide = Service.start("command-side", Path.of("command-side/target/command-side.jar"),
                    flightRecorder(env, ""), logs.resolve("command-side.log"));
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
            Service querySide = Service.start("query-side", Path.of("query-side/target/query-side.jar"),
                    flightRecorder(env, ".query.jfr"), logs.resolve("query-side.log"));
            services.add(querySide);
            Client integration = integrations.get(0);
            Client admin = new Client(commandSide.url(), env.get("ADMIN_KEY"));
            Client reader = new Client(querySide.url(), env.get("AGENT_KEY"));
            Client operator = new Client(querySide.url(), env.get("OPERATOR_KEY"));
            admin.send("PUT", BenchContext.WS + "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"LIST\",\"options\":[\"free\",\"pro\"]}");

            CommandMix mix = new CommandMix(integrations, errors);
            EventSeeder seeder = new EventSeeder(context.schemaUrl(), args.get("user"), args.getOrDefault("password", ""));
            if (runs("commands")) {
                CommandsPhase commands = new CommandsPhase(context);
                List<String> contacts = commands.commands(mix, services.stream().filter(s -> s.name.startsWith("command-side")).toList(),
                        querySide);
                commands.lag(integration, reader, operator, contacts);
            }
            if (runs("crud")) {
                new CrudPhase(context).crud(flightRecorder(env, ".crud.jfr"), args.get("pg") + separator + "currentSchema=" + schema + "_crud", schema + "_crud",
                        logs.resolve("crud.log"));
            }
            CatchUpPhase catchUp = new CatchUpPhase(context);
            // the seeded store serves the catch-up and the growth phases only
            int seeded = runs("catchup") || runs("growth") ? catchUp.seedForCatchUp(seeder, mix) : 0;
            if (runs("catchup")) {
                catchUp.catchUp(operator, reader, seeded);
            }
            if (runs("queries")) {
                new QueriesPhase(context).queries(reader);
            }
            if (runs("asof")) {
                new AsOfPhase(context).asOf(seeder, reader, operator, querySide);
            }
            if (runs("bulk")) {
                new ImportExportPhase(context).importAndExport(integration, reader, operator);
            }
            querySide.stop();
            if (runs("growth")) {
                new GrowthPhase(context).costGrowth(seeder, mix, seeded);
            }
            results.put("errors", errors.total());
            results.put("errors_by_phase_and_status", errors.byKind());
            results.put("conditions", conditions(started, context.clients()));
        } finally {
            for (Service service : services) {
                service.stop();
            }
            try (Connection c = connect(args.get("pg")); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + schema + "_raw CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + schema + "_crud CASCADE");
            }
        }
        Path out = Path.of(args.getOrDefault("out", "bench/results/latest.json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, BenchContext.JSON.writeValueAsString(results) + "\n");
        System.out.println(BenchContext.JSON.writeValueAsString(results));
    }

    /** {@code --profile <file>}: a side records JFR to the file (its name plus {@code suffix}). */
    private Map<String, String> flightRecorder(Map<String, String> env, String suffix) {
        Map<String, String> recorded = new HashMap<>(env);
        if (args.containsKey("profile")) {
            // deep stacks: a request runs ~120 frames below its filters, past JFR's default of 64
            recorded.put("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename="
                    + args.get("profile") + suffix + ",settings=profile");
        }
        return recorded;
    }

   private Map<String, String> environment(String schemaUrl) {
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

   private Map<String, Object> conditions(long started, int clients) throws Exception {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("mode", quick ? "quick" : "full");
        conditions.put("cpus", Runtime.getRuntime().availableProcessors());
        conditions.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection c = connect(args.get("pg")); Statement s = c.createStatement()) {
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "shared_buffers", "autovacuum")) {
                try (ResultSet r = s.executeQuery("SHOW " + setting)) {
                    r.next();
                    conditions.put("pg_" + setting, r.getString(1));
                }
            }
        }
        conditions.put("clients", clients);
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
}
