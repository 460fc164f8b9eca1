package io.contactledger.support.store;

import io.contactledger.support.config.SharedSettings;
import java.time.Duration;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import io.contactledger.support.keys.ContactKeys;
import io.contactledger.support.keys.SealingSerializer;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC event store and token store on the tables the Flyway migrations create: Axon's
 * default table names, snake_case columns (as Axon's JPA entities get under Spring Boot), so
 * operators and Axon's tooling find what they expect. Declared here rather than left to Axon's
 * JdbcAutoConfiguration, which Boot 4 evaluates before the DataSource exists and so skips.
 */
@Configuration(proxyBeanMethods = false)
public class AxonJdbcStore {

    /**
     * Units of work in Spring's database transactions. Axon's TransactionAutoConfiguration orders
     * itself after Boot 3's class names, so under Boot 4 it finds no PlatformTransactionManager yet
     * and falls back to no transactions: every statement then committed alone, and a projection's
     * token could be visible before the rows of its batch (a rebuild reported caught up with a
     * segment's profiles missing; a killed instance left a token past rows it never wrote).
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new UnitOfWorkTransactions(transactions);
    }

    /**
     * The connection of the Spring transaction the unit of work runs in. Not wrapped in Axon's
     * UnitOfWorkAwareConnectionProviderWrapper: that one calls {@code rollback()} on the connection
     * when a unit of work rolls back, ending the whole physical transaction, where a unit of work
     * inside a caller's transaction must only roll back to its savepoint (an import's page of rows:
     * one refused row undid the rows before it; found by the benchmark). Spring already hands every
     * statement of a transaction the same connection.
     */
    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    public ContactKeys contactKeys(DataSource dataSource) {
        return new ContactKeys(dataSource);
    }

    /**
     * Events as Jackson writes them, their personal fields sealed with the contact's key (DESIGN
     * §9, erasure). Replaces the serializer Axon's auto-configuration would make from
     * {@code axon.serializer.events: jackson}: the same plain mapper and revision annotations.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ContactKeys keys) {
        return new SealingSerializer(JacksonSerializer.builder().revisionResolver(new AnnotationRevisionResolver()).build(), keys);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema eventSchema,
            SharedSettings settings) {
        int batchSize = settings.eventStore().batchSize();
        // A catching-up processor reads this many events per query (Axon's default is 100), and a
        // tracking processor's batch ends where the events fetched so far end: this bounds the
        // projection's batches as much as their own size does (BENCHMARKS.md, catch-up).
        Serializer snapshots = SnapshotSerializer.create();
        return new TimestampParsingEngine(JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(snapshots)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter().and(SnapshotSerializer.readableBy(snapshots)))
                .persistenceExceptionResolver(new UniqueViolation())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema));
    }

    /**
     * Streaming processors poll the store for events appended by other processes (the command
     * side is one); Axon's default of a second between polls would be most of the projection lag.
     */
    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
            SharedSettings settings) {
        long fetchDelayMs = settings.eventStore().fetchDelayMs();
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(fetchDelayMs)
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
            SharedSettings settings) {
        Duration claimTimeout = settings.processors().claimTimeout();
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
