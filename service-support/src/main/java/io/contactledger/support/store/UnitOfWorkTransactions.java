package io.contactledger.support.store;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's units of work in Spring's database transactions. The outermost Axon transaction on a
 * thread is NESTED: on its own it is a new transaction, as usual; inside a transaction the caller
 * opened (a request sent with an Idempotency-Key, whose answer commits with the command's events)
 * it is a savepoint, so a unit of work that lost a race for a contact rolls back to its savepoint
 * and the retry starts clean (PostgreSQL refuses every statement after a failed one otherwise).
 * Axon's transactions inside that one (an append, a read) join it.
 */
public final class UnitOfWorkTransactions implements TransactionManager {

    private static final TransactionDefinition OUTERMOST = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    private static final TransactionDefinition INNER = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final PlatformTransactionManager transactions;

    public UnitOfWorkTransactions(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        int[] depth = DEPTH.get();
        TransactionStatus status = transactions.getTransaction(depth[0] == 0 ? OUTERMOST : INNER);
        depth[0]++;
        return new Transaction() {
            @Override
            public void commit() {
                depth[0]--;
                if (ownsWork(status)) {
                    transactions.commit(status);
                }
            }

            @Override
            public void rollback() {
                depth[0]--;
                if (ownsWork(status)) {
                    transactions.rollback(status);
                }
            }
        };
    }

    /** A joined transaction is finished by whoever opened it; a new one or a savepoint by us. */
    private static boolean ownsWork(TransactionStatus status) {
        return !status.isCompleted() && (status.isNewTransaction() || status.hasSavepoint());
    }
}
