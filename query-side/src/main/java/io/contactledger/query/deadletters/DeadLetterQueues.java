package io.contactledger.query.deadletters;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection never stops for one event it cannot apply: Axon's dead-letter queue parks that
 * event, and every later event of the same contact (the sequence), in {@code dead_letter_entry},
 * while other contacts go on. Operators list and retry them through /admin (DeadLetterController).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueues {

    /** The projections whose events may be parked. */
    static final String PROFILES = "contact-profiles";

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    ConfigurerModule profileDeadLetters(ConnectionProvider connections, TransactionManager transactions,
            DeadLetterSchema schema, Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDeadLetterQueue(PROFILES, config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(PROFILES)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                // while nothing is parked, no event costs a lookup in the queue
                .registerDeadLetteringEventHandlerInvokerConfiguration(PROFILES,
                        (config, builder) -> builder.enableSequenceIdentifierCache()));
    }
}
