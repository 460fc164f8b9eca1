package io.contactledger.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same command mix, for the same time and with the same clients, against the CRUD baseline
 * ({@code io.contactledger.bench.crud}): what event sourcing costs against what a team would
 * build instead. {@code command_vs_crud} = {@code commands_per_s / crud_commands_per_s}.
 */
final class CrudPhase extends Phase {

    CrudPhase(BenchContext context) {
        super(context);
    }

    void crud(Map<String, String> serviceEnv, String crudSchemaUrl, String schema, Path log) throws Exception {
        try (Connection c = connect(schemaUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.put("LEDGER_DB_URL", crudSchemaUrl);
        Service crud = Service.startMain("crud", Path.of("bench/target/bench.jar"), "io.contactledger.bench.crud.CrudApplication",
                env, log);
        try {
            CommandMix mix = new CommandMix(List.of(new Client(crud.url(), env.get("INTEGRATION_KEY"))), errors);
            mix.run("crud-warm-up", clients(), seconds(15, 30), new Latencies());
            analyze(crudSchemaUrl);
            int duration = seconds(20, 60);
            Latencies latencies = new Latencies();
            CpuPerRequest cpu = CpuPerRequest.startingNow(List.of(crud));
            mix.run("crud", clients(), duration, latencies);
            cpu.report(results, "crud_cpu_ms_per_request", latencies.count());
            double perSecond = latencies.count() / (double) duration;
            results.put("crud_commands_per_s", Math.round(perSecond));
            results.put("crud_p50_ms", latencies.percentileMs(50));
            results.put("crud_p99_ms", latencies.percentileMs(99));
            if (results.get("commands_per_s") instanceof Number commands) {
                results.put("command_vs_crud", round(commands.doubleValue() / perSecond));
            }
        } finally {
            crud.stop();
        }
    }

    /**
     * What autovacuum would have done by now, and the services' own statistics do for theirs: the
     * baseline's tables were created empty, and with autovacuum off (as here) its statements kept
     * plans made for empty tables, a scan of the whole table per update as it grew (PostgreSQL's
     * CPU rose from 0.3 to 1.4 cores over ninety seconds while the baseline's own fell to a quarter).
     * ANALYZE gives the planner their size and invalidates those plans.
     */
    private void analyze(String crudSchemaUrl) throws Exception {
        try (Connection c = connect(crudSchemaUrl); Statement s = c.createStatement()) {
            s.execute("ANALYZE crud_contact, crud_tag, crud_note, crud_field");
        }
    }
}
