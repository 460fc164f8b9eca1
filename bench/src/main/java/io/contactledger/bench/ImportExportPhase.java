package io.contactledger.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bulk paths (DESIGN §10): a generated CSV import (100,000 rows; 10,000 in quick mode: 2 % refused,
 * a fiftieth repeating the contact the row before created, the rest new contacts with a name,
 * email and tag) timed from upload to done → {@code import_rows_per_s}; then the whole workspace
 * exported as CSV while the query side's heap is sampled → {@code export_rows_per_s},
 * {@code export_heap_max_mb} (its heap before the export: {@code export_heap_before_mb}).
 */
final class ImportExportPhase extends Phase {

    ImportExportPhase(BenchContext context) {
        super(context);
    }

    void importAndExport(Client integration, Client reader, Client operator) throws Exception {
        int rows = quick ? 10_000 : 100_000;
        StringBuilder csv = new StringBuilder("name,email,tags\n");
        for (int r = 0; r < rows; r++) {
            switch (r % 50) {
                case 0 -> csv.append("Bad Row,bad-email-").append(r).append(",\n");
                case 6 -> csv.append(",IMP-").append(r - 1).append("@FILE.ORG,again\n");
                default -> csv.append("Imported ").append(r).append(",imp-").append(r).append("@file.org,imported\n");
            }
        }
        long started = System.nanoTime();
        Client.Reply accepted = integration.upload(WS + "/imports", csv.toString(), "text/csv");
        if (accepted.status() != 202) {
            errors.count("import", accepted.status());
            return;
        }
        String importId = JSON.readTree(accepted.body()).get("importId").asText();
        JsonNode status;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(quick ? 10 : 60);
        do {
            Thread.sleep(500);
            status = JSON.readTree(integration.send("GET", WS + "/imports/" + importId, null).body());
        } while (!"done".equals(status.path("status").asText()) && System.nanoTime() < deadline);
        double seconds = (System.nanoTime() - started) / 1e9;
        results.put("import_rows", rows);
        results.put("import_rows_per_s", round(status.path("done").asInt() / seconds));
        results.put("import_counts", JSON.convertValue(status, java.util.Map.class));
        if (status.path("failed").asInt() != rows / 50) {
            errors.count("import", 0);
        }

        long before = heapMb(operator);
        AtomicBoolean exporting = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (exporting.get()) {
                try {
                    peak.accumulateAndGet(heapMb(operator), Math::max);
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        long[] export = reader.streamedLines(WS + "/contacts/export?format=csv");
        double exportSeconds = (System.nanoTime() - t0) / 1e9;
        exporting.set(false);
        sampler.join();
        if (export[0] != 200) {
            errors.count("export", (int) export[0]);
        }
        results.put("export_rows", export[1] - 1);
        results.put("export_rows_per_s", round((export[1] - 1) / exportSeconds));
        results.put("export_heap_before_mb", before);
        results.put("export_heap_max_mb", peak.get());
    }

    private static long heapMb(Client operator) throws Exception {
        JsonNode metric = JSON.readTree(operator.send("GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", null).body());
        return Math.round(metric.path("measurements").path(0).path("value").asDouble() / (1024 * 1024));
    }
}
