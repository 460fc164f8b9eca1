package io.contactledger.support.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each contact's own encryption key (DESIGN §9), in the {@code contact_key} table and nowhere
 * else: not in an event, a log or a read model. A key is made when the contact's first personal
 * value is stored; erasing the contact deletes it, and its sealed values never read again.
 *
 * <p>Keys read are remembered for {@link #REMEMBERED} so a replay does not read one row an event;
 * a key is remembered only once the transaction that read or made it has committed, so a key made
 * by a transaction that rolled back can never seal a value. After an erasure another instance may
 * still hold the key for that long: what it writes meanwhile is wiped when it folds the
 * {@code ContactErased} that follows (docs/decisions.md, "Erasure").
 */
public class ContactKeys {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final int MAX_REMEMBERED = 100_000;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final KeyMaker maker;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(SecretKey key, Instant until) {
    }

    public ContactKeys(DataSource dataSource) {
        this(dataSource, new KeyMaker(), Clock.systemUTC());
    }

    ContactKeys(DataSource dataSource, KeyMaker maker, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = io.contactledger.support.database.DatabaseKind.isPostgres(dataSource);
        this.maker = maker;
        this.clock = clock;
    }

    /** The contact's key, if it has one: none before its first personal value, none after an erasure. */
    public Optional<SecretKey> find(String workspaceId, String contactId) {
        String id = id(workspaceId, contactId);
        SecretKey madeHere = madeInThisTransaction().get(id);
        if (madeHere != null) {
            return Optional.of(madeHere);
        }
        Remembered known = remembered.get(id);
        if (known != null && known.until().isAfter(clock.instant())) {
            return Optional.of(known.key());
        }
        // not made by this transaction, so committed by another: safe to remember at once
        Optional<SecretKey> stored = read(workspaceId, contactId);
        stored.ifPresent(key -> remember(id, key));
        return stored;
    }

    /** The contact's key, made now (in the current transaction) when it has none yet. */
    public SecretKey findOrMake(String workspaceId, String contactId) {
        Optional<SecretKey> existing = find(workspaceId, contactId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] fresh = maker.newKey();
        String insert = "INSERT INTO contact_key (workspace_id, contact_id, secret, created_at) VALUES (?, ?, ?, ?)";
        try {
            // another transaction making the same key first: ours then finds its key below
            jdbc.update(postgres ? insert + " ON CONFLICT DO NOTHING" : insert, workspaceId, contactId, fresh,
                    java.sql.Timestamp.from(clock.instant()));
        } catch (DataIntegrityViolationException madeMeanwhile) {
            // H2 has no ON CONFLICT here; a failed statement leaves its transaction usable
        }
        SecretKey key = read(workspaceId, contactId)
                .orElseThrow(() -> new IllegalStateException("the key of " + workspaceId + "/" + contactId + " could not be made"));
        rememberOnceCommitted(id(workspaceId, contactId), key);
        return key;
    }

    /** Deletes the contact's key in the current transaction: everything sealed with it is unreadable once that commits. */
    public void delete(String workspaceId, String contactId) {
        String id = id(workspaceId, contactId);
        remembered.remove(id);
        jdbc.update("DELETE FROM contact_key WHERE workspace_id = ? AND contact_id = ?", workspaceId, contactId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    remembered.remove(id);
                }
            });
        }
    }

    private Optional<SecretKey> read(String workspaceId, String contactId) {
        return jdbc.query("SELECT secret FROM contact_key WHERE workspace_id = ? AND contact_id = ?",
                rs -> rs.next() ? Optional.<SecretKey>of(new SecretKeySpec(rs.getBytes(1), "AES")) : Optional.<SecretKey>empty(),
                workspaceId, contactId);
    }

    /** A key this transaction made (or found made meanwhile): used by it at once, remembered for others once it commits. */
    private void rememberOnceCommitted(String id, SecretKey key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Map<String, SecretKey> made = madeInThisTransaction();
            if (made.isEmpty()) {
                TransactionSynchronizationManager.bindResource(this, made);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(ContactKeys.this);
                        if (status == STATUS_COMMITTED) {
                            made.forEach(ContactKeys.this::remember);
                        }
                    }
                });
            }
            made.put(id, key);
        } else {
            remember(id, key);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> madeInThisTransaction() {
        Object bound = TransactionSynchronizationManager.isSynchronizationActive()
                ? TransactionSynchronizationManager.getResource(this) : null;
        return bound == null ? new java.util.HashMap<>() : (Map<String, SecretKey>) bound;
    }

    private void remember(String id, SecretKey key) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(id, new Remembered(key, clock.instant().plus(REMEMBERED)));
    }

    private static String id(String workspaceId, String contactId) {
        return workspaceId + "/" + contactId;
    }
}
