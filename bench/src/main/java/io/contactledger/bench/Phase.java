package io.contactledger.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One phase of the benchmark: what it may read and record of the run ({@link BenchContext}), and
 * helpers several phases use.
 */
abstract class Phase {

    static final ObjectMapper JSON = BenchContext.JSON;
    static final String WS = BenchContext.WS;
    static final int LAG_SAMPLE_EVERY = 10;

    final Map<String, String> args;
    final boolean quick;
    final Map<String, Object> results;
    final Errors errors;
    final String schemaUrl;
    final String rawUrl;
    private final BenchContext context;

    Phase(BenchContext context) {
        this.context = context;
        this.args = context.args();
        this.quick = context.quick();
        this.results = context.results();
        this.errors = context.errors();
        this.schemaUrl = context.schemaUrl();
        this.rawUrl = context.rawUrl();
    }

    int clients() {
        return context.clients();
    }

    int seconds(int quickSeconds, int fullSeconds) {
        return context.seconds(quickSeconds, fullSeconds);
    }

    Connection connect(String url) throws Exception {
        return context.connect(url);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * A PostgreSQL checkpoint now, so a setup's writes are flushed before a measurement and not
     * during it (a checkpoint also makes the next change to every page log the whole page, which
     * a window that follows one pays and another does not). Needs pg_checkpoint or a superuser;
     * whether it ran goes into the results.
     */
    static boolean checkpoint(Statement s) {
        try {
            s.execute("CHECKPOINT");
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    void awaitProjectionCaughtUp(Client operator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (profileProjection(operator).get("lag").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projection did not catch up in 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until every projection (the feed and the custom fields too, not only the profiles) has
     * caught up: one still working off an earlier phase's backlog takes the CPU and the database
     * from the phase that follows, whose figures would then measure the backlog.
     */
    void awaitAllProjectionsCaughtUp(Client operator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            long behind = 0;
            for (JsonNode projection : JSON.readTree(operator.send("GET", "/admin/projections", null).body())) {
                behind += projection.path("lag").asLong();
            }
            if (behind == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projections did not catch up in 5 minutes (" + behind + " events behind)");
            }
            Thread.sleep(100);
        }
    }

    /** The contact-profiles entry of {@code GET /admin/projections}. */
    static JsonNode profileProjection(Client operator) throws Exception {
        for (JsonNode projection : JSON.readTree(operator.send("GET", "/admin/projections", null).body())) {
            if ("contact-profiles".equals(projection.path("name").asText())) {
                return projection;
            }
        }
        throw new IllegalStateException("GET /admin/projections lists no contact-profiles");
    }
}
