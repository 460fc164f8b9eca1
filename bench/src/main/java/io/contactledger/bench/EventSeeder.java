package io.contactledger.bench;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactledger.events.ActorKind;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactCreated;
import io.contactledger.events.ContactStreams;
import io.contactledger.events.DetailsLeft;
import io.contactledger.events.EventMetadata;
import io.contactledger.events.NoteWritten;
import io.contactledger.events.TagAdded;
import io.contactledger.events.TagRemoved;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import io.contactledger.support.keys.ContactKeys;
import io.contactledger.support.keys.SealingSerializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Grows the event store in bulk through Axon's own {@link JdbcEventStorageEngine}, serialized by
 * the same sealing serializer the services use (personal fields encrypted with each contact's key), so seeded histories are indistinguishable from
 * commanded ones: each contact gets {@value #EVENTS_PER_CONTACT} events (created, name, email,
 * four tags, one removed, two notes), appended {@value #CONTACTS_PER_BATCH} contacts per batch
 * insert from {@code threads} connections. The rules the aggregate would check all hold.
 */
final class EventSeeder {

    static final int EVENTS_PER_CONTACT = 10;
    private static final int CONTACTS_PER_BATCH = 100;

    private final JdbcEventStorageEngine engine;

    EventSeeder(String url, String user, String password) {
        // pooled: a key is looked up (and made) per contact, and a connection per lookup would be the cost measured
        com.zaxxer.hikari.HikariDataSource keysDatabase = new com.zaxxer.hikari.HikariDataSource();
        keysDatabase.setJdbcUrl(url);
        keysDatabase.setUsername(user);
        keysDatabase.setPassword(password);
        keysDatabase.setMaximumPoolSize(4);
        // sealed with each contact's key, as the services store events with personal fields
        SealingSerializer sealing = new SealingSerializer(JacksonSerializer.builder()
                .revisionResolver(new org.axonframework.serialization.AnnotationRevisionResolver()).build(), new ContactKeys(keysDatabase));
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(url, user, password))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(sealing)
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .schema(EventSchema.builder()
                        .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                        .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                        .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                        .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                        .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                        .build())
                .build();
    }

    /** Appends the histories of contacts {@code <prefix><first>} to {@code <prefix><first + count - 1>}; returns events appended. */
    long seed(String workspace, String prefix, int first, int count, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger(first);
        int end = first + count;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                long appended = 0;
                for (int from = next.getAndAdd(CONTACTS_PER_BATCH); from < end; from = next.getAndAdd(CONTACTS_PER_BATCH)) {
                    List<DomainEventMessage<?>> batch = new ArrayList<>();
                    for (int n = from; n < Math.min(end, from + CONTACTS_PER_BATCH); n++) {
                        batch.addAll(history(workspace, prefix + n, n));
                    }
                    engine.appendEvents(batch);
                    appended += batch.size();
                }
                return appended;
            }));
        }
        pool.shutdown();
        long total = 0;
        for (Future<Long> done : work) {
            total += done.get();
        }
        return total;
    }

    /**
     * One contact with a long history: created, then tags added and removed in turn with a note
     * every hundredth event, appended a thousand events per insert; returns its last version.
     */
    long seedLongHistory(String workspace, String contactId, int count) {
        String stream = ContactStreams.contact(workspace, contactId);
        MetaData actor = MetaData.with(EventMetadata.ACTOR_KIND, ActorKind.INTEGRATION.name())
                .and(EventMetadata.ACTOR_ID, "seeder").and(EventMetadata.CHANNEL, Channel.IMPORT.name());
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            Object payload = seq == 0 ? new ContactCreated(workspace, contactId, Channel.IMPORT, "GB", "Europe/London")
                    : seq % 100 == 0 ? new NoteWritten(workspace, contactId, "n-" + seq, "Note " + seq, "agent-1")
                    : seq % 2 == 1 ? new TagAdded(workspace, contactId, "churn")
                    : new TagRemoved(workspace, contactId, "churn");
            batch.add(new GenericDomainEventMessage<>("Contact", stream, seq, payload, actor));
            if (batch.size() == 1_000) {
                engine.appendEvents(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
        return count - 1;
    }

    private static List<DomainEventMessage<?>> history(String workspace, String contactId, int n) {
        String stream = ContactStreams.contact(workspace, contactId);
        MetaData actor = MetaData.with(EventMetadata.ACTOR_KIND, ActorKind.INTEGRATION.name())
                .and(EventMetadata.ACTOR_ID, "seeder").and(EventMetadata.CHANNEL, Channel.IMPORT.name());
        List<Object> payloads = List.of(
                new ContactCreated(workspace, contactId, Channel.IMPORT, "GB", "Europe/London"),
                new DetailsLeft(workspace, contactId, "Seeded Person " + n, null, null, null, null),
                new DetailsLeft(workspace, contactId, null, "seeded" + n + "@example.com", null, null, null),
                new TagAdded(workspace, contactId, "t" + (n % 20)),
                new TagAdded(workspace, contactId, "t" + ((n + 1) % 20)),
                new TagAdded(workspace, contactId, "vip"),
                new TagAdded(workspace, contactId, "trial"),
                new TagRemoved(workspace, contactId, "trial"),
                new NoteWritten(workspace, contactId, "n-1", "Asked about pricing (" + n + ").", "agent-1"),
                new NoteWritten(workspace, contactId, "n-2", "Follow up next week.", "agent-2"));
        List<DomainEventMessage<?>> events = new ArrayList<>(payloads.size());
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(new GenericDomainEventMessage<>("Contact", stream, seq, payloads.get(seq), actor));
        }
        return events;
    }
}
