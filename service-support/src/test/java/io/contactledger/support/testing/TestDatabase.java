package io.contactledger.support.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database for one test run: an in-memory H2 database by default, or, when the system
 * property {@code ledger.test.db=postgresql} is set, a new schema in the PostgreSQL named by
 * {@code LEDGER_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code postgres}), so runs never see each other's data. When PostgreSQL cannot be reached the
 * test is skipped with a loud message, unless {@code LEDGER_TEST_PG_REQUIRED=true} (CI) makes
 * that a failure.
 */
public final class TestDatabase {

    public static final String PG_URL = env("LEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("LEDGER_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("LEDGER_TEST_PG_PASSWORD", "");

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static boolean postgresRequested() {
        return "postgresql".equalsIgnoreCase(System.getProperty("ledger.test.db", ""));
    }

    /** A new, empty database (or schema) named after {@code purpose}. */
    public static TestDatabase create(String purpose) {
        if (!postgresRequested()) {
            return new TestDatabase("jdbc:h2:mem:" + unique(purpose) + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        return createPostgres(purpose);
    }

    /** A new schema in PostgreSQL whatever {@code ledger.test.db} says: for tests that are about PostgreSQL. */
    public static TestDatabase createPostgres(String purpose) {
        String unique = unique(purpose);
        String schema = "t_" + unique;
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            unreachable(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema)));
        String separator = PG_URL.contains("?") ? "&" : "?";
        return new TestDatabase(PG_URL + separator + "currentSchema=" + schema, PG_USER, PG_PASSWORD);
    }

    private static String unique(String purpose) {
        return purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Test schemas are dropped when the test JVM exits, so runs do not pile up in the shared database. */
    private static void dropSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '5s'");
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    private static void unreachable(SQLException e) {
        String message = "PostgreSQL at " + PG_URL + " is not reachable (" + e.getMessage() + ")";
        if (Boolean.parseBoolean(env("LEDGER_TEST_PG_REQUIRED", "false"))) {
            throw new IllegalStateException(message + " and LEDGER_TEST_PG_REQUIRED=true", e);
        }
        System.err.println("\n*** SKIPPING PostgreSQL TESTS: " + message + " ***\n");
        Assumptions.abort(message);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Spring properties that point an application at this database. */
    public Map<String, String> springProperties() {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    /**
     * Points a Spring test context at the database a test class creates in its {@code @BeforeAll}
     * (the suppliers are read when the context starts, after that), with the test API keys.
     */
    public static void register(DynamicPropertyRegistry registry, Supplier<TestDatabase> database) {
        registry.add("spring.datasource.url", () -> database.get().url());
        registry.add("spring.datasource.username", () -> database.get().user());
        registry.add("spring.datasource.password", () -> database.get().password());
        TestKeys.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same database reached through another host and port (a {@link TcpProxy}); PostgreSQL only. */
    public TestDatabase through(String host, int port) {
        return new TestDatabase(url.replaceFirst("//[^/]+/", "//" + host + ":" + port + "/"), user, password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
