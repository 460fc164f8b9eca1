package io.contactledger.command.claims;

import java.util.Optional;

import io.contactledger.command.identity.ContactRef;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims live in {@code customer_id_claim}, keyed by workspace and customer ID. The insert runs in
 * the command's transaction: a racing claim waits on the key and then fails, and a command that
 * fails later rolls its claim back with its events.
 */
@Component
class JdbcCustomerIdRegistry implements CustomerIdRegistry {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    JdbcCustomerIdRegistry(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void claim(ContactRef contact, String customerId) {
        Optional<String> holder = holderOf(contact.workspaceId(), customerId);
        if (holder.isPresent()) {
            throw new CustomerIdClaimed(customerId, holder.get());
        }
        try {
            jdbc.sql("INSERT INTO customer_id_claim (workspace_id, customer_id, contact_id) VALUES (?, ?, ?)")
                    .params(contact.workspaceId(), customerId, contact.contactId())
                    .update();
        } catch (DuplicateKeyException raceLost) {
            // PostgreSQL has aborted this transaction; the winner has committed, so read it in a new one.
            String winner = separateTransaction.execute(status -> holderOf(contact.workspaceId(), customerId).orElse("unknown"));
            throw new CustomerIdClaimed(customerId, winner);
        }
    }

    @Override
    public void transfer(String workspaceId, String customerId, String from, String to) {
        int moved = jdbc.sql("UPDATE customer_id_claim SET contact_id = ? WHERE workspace_id = ? AND customer_id = ? AND contact_id = ?")
                .params(to, workspaceId, customerId, from).update();
        if (moved != 1) {
            throw new org.axonframework.modelling.command.ConcurrencyException("customer ID " + customerId
                    + " is no longer held by " + from + "; deciding again");
        }
    }

    @Override
    public void release(ContactRef contact) {
        jdbc.sql("DELETE FROM customer_id_claim WHERE workspace_id = ? AND contact_id = ?")
                .params(contact.workspaceId(), contact.contactId()).update();
    }

    @Override
    public Optional<String> holderOf(String workspaceId, String customerId) {
        return jdbc.sql("SELECT contact_id FROM customer_id_claim WHERE workspace_id = ? AND customer_id = ?")
                .params(workspaceId, customerId)
                .query(String.class)
                .optional();
    }
}
