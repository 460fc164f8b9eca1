package io.contactledger.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * A command decides on the contact's latest state in the store, whichever instance takes it
 * (DESIGN §7). A cached aggregate may miss another instance's events: a decision that appends
 * something then fails on the store's unique key, but one that appends nothing (removing a tag
 * the cached copy never saw) would be answered from the stale copy. So after every decision the
 * store's last sequence number is compared with the version the decision was made at; if the store
 * is ahead, the unit of work rolls back (which drops the cached aggregate) and the command is
 * decided again on a fresh load. Before the decision, a cached contact that is not at the store's
 * last sequence number is dropped ({@link RecentContacts#forgetUnlessAt}), so the decision starts
 * from the latest state rather than losing its append to another instance's. Axon registers it on
 * the command bus as a handler interceptor bean.
 */
@Component
public class LatestStateCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore store;
    private final RecentContacts cached;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    LatestStateCheck(EventStore store, RecentContacts cached) {
        this.store = store;
        this.cached = cached;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String aggregateId = targetOf(unitOfWork.getMessage());
        if (aggregateId != null && cached.containsKey(aggregateId)) {
            // only a cached copy can be stale; an uncached contact is loaded from the store anyway
            cached.forgetUnlessAt(aggregateId, store.lastSequenceNumberFor(aggregateId).orElse(-1L));
        }
        Object result = chain.proceed();
        if (result instanceof Versioned answer && aggregateId != null) {
            long stored = store.lastSequenceNumberFor(aggregateId).orElse(-1L);
            if (stored > answer.version()) {
                throw new ConcurrencyException("decided on version " + answer.version() + " of " + aggregateId
                        + " but the store holds version " + stored);
            }
            cached.decided(aggregateId, answer.version());
        }
        return result;
    }

    /** The contact a command addresses, or null for a command that addresses none (creations). */
    private String targetOf(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
