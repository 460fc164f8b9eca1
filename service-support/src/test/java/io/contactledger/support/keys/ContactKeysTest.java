package io.contactledger.support.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import javax.crypto.SecretKey;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact keys as the store uses them: a key made by a transaction that rolled back is never
 * used again (its values were rolled back with it, and a later value must be sealed with the key
 * that is stored); a key read committed seals from memory; a deleted key is gone at once for the
 * instance that deleted it.
 */
class ContactKeysTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final ContactKeys keys;
    private final TransactionTemplate transaction;

    ContactKeysTest() {
        h2.setURL("jdbc:h2:mem:contact-keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new JdbcTemplate(h2).execute("CREATE TABLE contact_key (workspace_id VARCHAR(63) NOT NULL, contact_id VARCHAR(64) NOT NULL,"
                + " secret VARBINARY(32) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (workspace_id, contact_id))");
        keys = new ContactKeys(h2, new KeyMaker(), Clock.systemUTC());
        transaction = new TransactionTemplate(new DataSourceTransactionManager(h2));
    }

    @Test
    void aKeyMadeByARolledBackTransactionIsNeverUsedAgain() {
        // given a transaction that made the contact's key, used it twice, and rolled back
        SecretKey[] rolledBack = new SecretKey[1];
        transaction.executeWithoutResult(status -> {
            rolledBack[0] = keys.findOrMake("demo", "c-1");
            assertThat(keys.find("demo", "c-1")).as("the same key within the transaction").contains(rolledBack[0]);
            status.setRollbackOnly();
        });

        // then no key is found, and the next one made is another
        assertThat(keys.find("demo", "c-1")).isEmpty();
        SecretKey made = transaction.execute(status -> keys.findOrMake("demo", "c-1"));
        assertThat(made.getEncoded()).isNotEqualTo(rolledBack[0].getEncoded());
        assertThat(keys.find("demo", "c-1").orElseThrow().getEncoded()).isEqualTo(made.getEncoded());
    }

    @Test
    void aKeyMadeInASavepointThatRolledBackSealsNothingAfterIt() {
        // given a transaction in which a unit of work (a savepoint) made the key, read it, and rolled back
        TransactionTemplate savepoint = new TransactionTemplate(transaction.getTransactionManager());
        savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        SecretKey[] keysUsed = new SecretKey[2];
        transaction.executeWithoutResult(outer -> {
            savepoint.executeWithoutResult(inner -> {
                keysUsed[0] = keys.findOrMake("demo", "c-3");
                assertThat(keys.find("demo", "c-3")).contains(keysUsed[0]);
                inner.setRollbackOnly();
            });
            // when the retry seals again in the same transaction
            keysUsed[1] = keys.findOrMake("demo", "c-3");
        });

        // then it sealed with a new key, the one stored, and that is the one every later read finds
        assertThat(keysUsed[1].getEncoded()).isNotEqualTo(keysUsed[0].getEncoded());
        assertThat(keys.find("demo", "c-3").orElseThrow().getEncoded()).isEqualTo(keysUsed[1].getEncoded());
    }

    @Test
    void sealingTakesACommittedKeyFromMemoryWithoutReadingItsRowAgain() {
        // given a key committed by one instance and read committed by another
        SecretKey made = transaction.execute(status -> keys.findOrMake("demo", "m-1"));
        ContactKeys other = new ContactKeys(h2, new KeyMaker(), Clock.systemUTC());
        assertThat(other.find("demo", "m-1")).contains(made);
        // and the row went away behind its back (only an answer from memory can still find it)
        new JdbcTemplate(h2).update("DELETE FROM contact_key WHERE workspace_id = 'demo'");

        // when that instance seals a value of the contact
        SecretKey sealedWith = transaction.execute(status -> other.findOrMake("demo", "m-1"));

        // then it sealed with the remembered key, and made no row
        assertThat(sealedWith.getEncoded()).isEqualTo(made.getEncoded());
        assertThat(new JdbcTemplate(h2).queryForObject("SELECT count(*) FROM contact_key", Integer.class)).isZero();
    }

    @Test
    void aKeyUsedTwiceByTheTransactionThatMadeItIsNotRememberedAfterItRollsBack() {
        // given a transaction that made a key and sealed with it twice, then rolled back
        SecretKey[] used = new SecretKey[2];
        transaction.executeWithoutResult(status -> {
            used[0] = keys.findOrMake("demo", "m-2");
            used[1] = keys.findOrMake("demo", "m-2");
            status.setRollbackOnly();
        });

        // then the same key served both seals, and none is remembered after the rollback
        assertThat(used[1].getEncoded()).isEqualTo(used[0].getEncoded());
        assertThat(keys.find("demo", "m-2")).isEmpty();
    }

    @Test
    void aDeletedKeyIsGoneAtOnceOnceItsTransactionCommits() {
        SecretKey made = transaction.execute(status -> keys.findOrMake("demo", "c-2"));
        assertThat(keys.find("demo", "c-2")).contains(made);

        transaction.executeWithoutResult(status -> keys.delete("demo", "c-2"));

        assertThat(keys.find("demo", "c-2")).isEmpty();
    }

    @Test
    void preloadedKeysAreTheStoredOnesAndAreReadOnceForABatch() {
        // given three contacts with keys committed, and one without
        SecretKey first = transaction.execute(status -> keys.findOrMake("demo", "p-1"));
        SecretKey second = transaction.execute(status -> keys.findOrMake("demo", "p-2"));
        SecretKey other = transaction.execute(status -> keys.findOrMake("other", "p-1"));
        ContactKeys reader = new ContactKeys(h2, new KeyMaker(), Clock.systemUTC());

        // when another instance preloads a batch's contacts of one workspace
        reader.preload("demo", java.util.List.of("p-1", "p-2", "p-none", "p-1"));
        // and the rows went away behind its back (only a read from memory can still answer)
        new JdbcTemplate(h2).update("DELETE FROM contact_key WHERE workspace_id = 'demo'");

        // then it answers the stored keys from that one read, and nothing for the contact without
        assertThat(reader.find("demo", "p-1").orElseThrow().getEncoded()).isEqualTo(first.getEncoded());
        assertThat(reader.find("demo", "p-2").orElseThrow().getEncoded()).isEqualTo(second.getEncoded());
        assertThat(reader.find("demo", "p-none")).isEmpty();
        // and another workspace's contact of the same id was not taken for it
        assertThat(reader.find("other", "p-1").orElseThrow().getEncoded()).isEqualTo(other.getEncoded())
                .isNotEqualTo(first.getEncoded());
    }

    @Test
    void aPreloadInsideTheTransactionThatMadeAKeyDoesNotRememberIt() {
        transaction.executeWithoutResult(status -> {
            keys.findOrMake("demo", "p-9");
            keys.preload("demo", java.util.List.of("p-9"));
            status.setRollbackOnly();
        });

        assertThat(keys.find("demo", "p-9")).as("the rolled-back key is not remembered").isEmpty();
    }
}
