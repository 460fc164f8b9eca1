package io.contactledger.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The chat mix at full speed, then projection lag at a fixed rate. */
final class CommandsPhase extends Phase {

    CommandsPhase(BenchContext context) {
        super(context);
    }

    /**
     * The chat mix after a warm-up (the JIT compiles the hot paths first, as in a service that has
     * been up a while); with the CPU time each side's processes used per command meanwhile, which
     * the machine's speed moves far less than the rate (2026-12-01: 439–750 commands/s in one hour).
     */
    List<String> commands(CommandMix mix, List<Service> commandSides, Service querySide) throws Exception {
        mix.run("warm-up", clients(), seconds(30, 60), new Latencies());
        int duration = seconds(20, 60);
        Latencies latencies = new Latencies();
        CpuPerRequest commandCpu = CpuPerRequest.startingNow(commandSides);
        CpuPerRequest queryCpu = CpuPerRequest.startingNow(List.of(querySide));
        List<String> created = mix.run("commands", clients(), duration, latencies);
        commandCpu.report(results, "command_side_cpu_ms_per_command", latencies.count());
        queryCpu.report(results, "query_side_cpu_ms_per_command", latencies.count());
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

    /**
     * Notes at a fixed rate; for every {@value #LAG_SAMPLE_EVERY}th, the time from its response
     * until the profile shows its version (a read after every command would double the load the
     * rate is meant to set). Starts once every projection has caught up with the phase before,
     * whose backlog would otherwise be measured as lag.
     */
    void lag(Client commands, Client reader, Client operator, List<String> contacts) throws Exception {
        lagAt(Integer.parseInt(args.getOrDefault("lag-rate", "1000")), "lag", commands, reader, operator, contacts);
        // and at half of what this run measured the command side to sustain: lag under a load it carries
        if (results.get("commands_per_s") instanceof Number capacity && capacity.doubleValue() >= 2) {
            lagAt((int) Math.round(capacity.doubleValue() / 2), "lag_half_capacity", commands, reader, operator, contacts);
        }
    }

    private void lagAt(int rate, String name, Client commands, Client reader, Client operator, List<String> contacts)
            throws Exception {
        long waited = System.nanoTime();
        awaitAllProjectionsCaughtUp(operator);
        results.put(name + "_waited_for_projections_s", Math.round((System.nanoTime() - waited) / 1e8) / 10.0);
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
                errors.count(name + "-command", reply.status());
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
                errors.count(name + "-read", status);
            }
        });
        results.put(name + "_rate_per_s", rate);
        results.put(name + "_answered_per_s", Math.round(rate * duration / ((lastAnswer.get() - firstAnswer.get()) / 1e9)));
        results.put(name + "_samples", lag.count());
        results.put(name + "_p50_ms", lag.percentileMs(50));
        results.put(name + "_p99_ms", lag.percentileMs(99));
    }
}
