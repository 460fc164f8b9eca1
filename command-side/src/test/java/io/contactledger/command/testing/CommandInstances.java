package io.contactledger.command.testing;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.command.CommandSideApplication;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several command-side instances on one database, as an operator runs them behind a load
 * balancer: each its own Spring context, HTTP port, aggregate cache and connection pool.
 */
public final class CommandInstances implements AutoCloseable {

    private final TestDatabase database;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private CommandInstances(TestDatabase database) {
        this.database = database;
    }

    public static CommandInstances start(int count, TestDatabase database, String... extraArgs) {
        CommandInstances instances = new CommandInstances(database);
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.user(),
                    "--spring.datasource.password=" + database.password(),
                    "--ledger.security.api-keys=" + TestKeys.API_KEYS,
                    "--ledger.security.token-secret=" + TestKeys.TOKEN_SECRET,
                    "--ledger.security.identity-secrets=" + TestKeys.IDENTITY_SECRETS,
                    "--ledger.security.widget-requests-per-second=100000"));
            args.addAll(List.of(extraArgs));
            instances.contexts.add(new SpringApplicationBuilder(CommandSideApplication.class)
                    .properties(CommandSideApplication.CONFIG_NAME)
                    .run(args.toArray(String[]::new)));
        }
        return instances;
    }

    /** A client of instance {@code index} with a key of {@code role} in {@code workspace}. */
    public Http client(int index, String role, String workspace) {
        return new Http("http://localhost:" + contexts.get(index).getEnvironment().getProperty("local.server.port"))
                .with(TestKeys.bearer(role, workspace));
    }

    public <T> T bean(int index, Class<T> type) {
        return contexts.get(index).getBean(type);
    }

    public JdbcClient jdbc() {
        return bean(0, JdbcClient.class);
    }

    public TestDatabase database() {
        return database;
    }

    /** The event types stored for one contact, in sequence order. */
    public List<String> eventTypes(String workspace, String contactId) {
        return jdbc().sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(workspace + "/" + contactId)
                .query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** The stored events of one contact as (type, payload JSON text), in sequence order. */
    public List<String[]> events(String workspace, String contactId) {
        return jdbc().sql("SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(workspace + "/" + contactId)
                .query((rs, n) -> new String[] {rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1),
                        new String(rs.getBytes(2), java.nio.charset.StandardCharsets.UTF_8)})
                .list();
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
