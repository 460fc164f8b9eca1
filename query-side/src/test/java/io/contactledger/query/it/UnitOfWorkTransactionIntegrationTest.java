package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Axon's units of work (a projection batch with its token) run in one database transaction. */
class UnitOfWorkTransactionIntegrationTest extends BothSidesTestBase {

    @Autowired
    TransactionManager axonTransactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void writesInsideAnAxonTransactionAreUndoneWithIt() {
        AtomicBoolean inTransaction = new AtomicBoolean();

        // when a write inside Axon's transaction is followed by a failure
        try {
            axonTransactions.executeInTransaction(() -> {
                inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
                jdbc.sql("INSERT INTO query_instance (owner, seen_at) VALUES ('rolled-back', 1)").update();
                throw new IllegalStateException("fails after writing");
            });
        } catch (IllegalStateException expected) {
            // the failure is the point
        }

        // then the write was part of a real transaction and is gone with it
        assertThat(inTransaction).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM query_instance WHERE owner = 'rolled-back'").query(Long.class).single())
                .isZero();
    }
}
