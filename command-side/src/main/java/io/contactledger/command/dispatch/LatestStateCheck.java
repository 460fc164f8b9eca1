package io.contactledger.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * A command decides on the contact's latest state in the store, whichever instance takes it
 * (DESIGN §7). A cached aggregate may miss another instance's events, so before the decision a
 * cached contact that is not at the store's last sequence number is dropped ({@link
 * RecentContacts#forgetUnlessAt}) and loaded afresh; an uncached one is loaded from the store
 * anyway. Every acknowledged change was committed before its answer, so a command taken after it
 * is decided on a state that includes it. A change another instance commits while this decision
 * runs is concurrent with it: a decision that appends then fails on the store's unique key and is
 * decided again; one that appends nothing is answered as if it came first, which it may (so the
 * store is not read again after the decision: docs/decisions.md). Axon registers it on the
 * command bus as a handler interceptor bean.
 */
@Component
public class LatestStateCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore store;
    private final RecentContacts cached;

    LatestStateCheck(EventStore store, RecentContacts cached) {
        this.store = store;
        this.cached = cached;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // told by the command's type: Axon's annotation resolver walks each command's members by reflection
        String contact = ContactAddressed.streamOf(unitOfWork.getMessage().getPayload());
        if (contact != null && cached.containsKey(contact)) {
            // only a cached copy can be stale; an uncached contact is loaded from the store anyway
            cached.forgetUnlessAt(contact, store.lastSequenceNumberFor(contact).orElse(-1L));
        }
        Object result = chain.proceed();
        if (result instanceof Versioned answer && contact != null) {
            cached.decided(contact, answer.version());
        }
        return result;
    }
}
