package io.contactledger.query.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;

/** Instances of both sides as processes on one fresh PostgreSQL schema, stopped together. */
final class PostgresFleet implements AutoCloseable {

    static final String COMMAND_JAR = "../command-side/target/command-side.jar";
    static final String QUERY_JAR = "target/query-side.jar";

    private final TestDatabase database;
    private final Path logs;
    private final Map<String, String> settings;
    private final List<ServiceProcess> processes = new ArrayList<>();

    /** {@code settings}: environment every instance gets beyond the database and the test keys. */
    PostgresFleet(String purpose, Path logs, Map<String, String> settings) {
        this.database = TestDatabase.createPostgres(purpose);
        this.logs = logs;
        this.settings = settings;
    }

    ServiceProcess start(String name, String jar) throws Exception {
        Map<String, String> env = new HashMap<>(TestKeys.environment());
        env.putAll(Map.of("LEDGER_DB_URL", database.url(), "LEDGER_DB_USER", database.user(),
                "LEDGER_DB_PASSWORD", database.password(), "LEDGER_CLAIM_TIMEOUT", "5s"));
        env.putAll(settings);
        ServiceProcess process = new ServiceProcess(name, Path.of(jar), logs, env).start();
        processes.add(process);
        return process;
    }

    TestDatabase database() {
        return database;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess process : processes) {
            process.stop();
        }
    }
}
