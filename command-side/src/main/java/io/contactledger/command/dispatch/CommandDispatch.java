package io.contactledger.command.dispatch;

import java.util.List;

import io.contactledger.events.EventMetadata;
import io.contactledger.support.idempotency.AfterRollback;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How commands travel: actor metadata on every command and its events, contacts cached between
 * commands, and every decision checked against the store's latest state ({@link LatestStateCheck}).
 * Retries happen in {@link Commands}, on the request's own thread, so a retry stays inside the
 * request's transaction when it has one.
 */
@Configuration(proxyBeanMethods = false)
public class CommandDispatch {

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(EventMetadata.KEYS.toArray(String[]::new));
    }

    /**
     * Contacts stay in memory between commands instead of being re-read from the store each
     * time. A cached contact is checked against the store's last sequence number before it is
     * decided on ({@link LatestStateCheck}); another instance's concurrent append makes ours fail
     * on the store's unique key, and Axon drops the cached contact with the rolled-back unit of
     * work so the retry reads it afresh.
     */
    @Bean
    RecentContacts contactCache(io.contactledger.command.CommandSideSettings settings) {
        return new RecentContacts(settings.commands().cachedContacts());
    }

    /**
     * Which aggregate a command addresses: a contact command's contact, told by its type; Axon's
     * annotation resolver, which walks each command's members by reflection (JFR of the
     * benchmark's commands: about a twentieth of the request threads' samples), only for the
     * others. Axon's Spring support gives this resolver to every aggregate.
     */
    @Bean
    CommandTargetResolver contactTargets() {
        CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();
        return command -> {
            String contact = ContactAddressed.streamOf(command.getPayload());
            return contact != null ? new VersionedAggregateIdentifier(contact, null) : annotated.resolveTarget(command);
        };
    }

    /**
     * A request rolled back after its unit of work reached a savepoint may have left a contact cached
     * at a version the store never got; rare (failures only), so the whole cache goes.
     */
    @Bean
    AfterRollback forgetCachedContacts(Cache contactCache) {
        return contactCache::removeAll;
    }

    /**
     * A contact with a long history loads from its latest snapshot plus at most
     * {@code ledger.commands.snapshot-every} events, not from its whole history (snapshots:
     * snapshot_event_entry, written field by field).
     */
    @Bean
    SnapshotTriggerDefinition contactSnapshots(Snapshotter snapshotter, io.contactledger.command.CommandSideSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.commands().snapshotEvery());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ActorMetadata actorMetadata) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(List.of(actorMetadata))
                .build();
    }
}
