package io.contactledger.command.web;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.contactledger.events.EventMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How commands travel: actor metadata on every command and its events, and a retry when another
 * instance appended to the same contact first (the store's unique aggregate/sequence key refused
 * our append), so concurrent writes to one contact are serialized and none is lost.
 */
@Configuration(proxyBeanMethods = false)
public class CommandDispatch {

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(EventMetadata.KEYS.toArray(String[]::new));
    }

    /**
     * Contacts stay in memory between commands instead of being re-read from the store each
     * time. Another instance's append makes ours fail on the store's unique key; Axon then drops
     * the cached contact with the rolled-back unit of work and the retry reads it afresh.
     */
    @Bean
    Cache contactCache() {
        return new WeakReferenceCache();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ActorMetadata actorMetadata,
            ScheduledExecutorService commandRetryExecutor,
            @Value("${ledger.commands.max-retries:20}") int maxRetries,
            @Value("${ledger.commands.retry-interval-ms:10}") int retryIntervalMs) {
        RetryScheduler interval = IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .maxRetryCount(maxRetries)
                .retryInterval(retryIntervalMs)
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(onlyOnConcurrency(interval))
                .dispatchInterceptors(List.of(actorMetadata))
                .build();
    }

    /** Retrying anything else (a broken rule, an existing contact) would only fail again. */
    private static RetryScheduler onlyOnConcurrency(RetryScheduler delegate) {
        return new RetryScheduler() {
            @Override
            public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                    List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
                return lastFailure instanceof ConcurrencyException
                        && delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
            }
        };
    }
}
