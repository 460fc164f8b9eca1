package io.contactledger.support.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>Keys read are remembered for {@link #REMEMBERED} so a replay does not read one row an event
 * and a command does not read one to seal, but only keys committed by another transaction: a key
 * this transaction made is read from its row each time, so a value is sealed only with a key that
 * commits with it. After an erasure another instance may still hold the key for that long: what
 * it reads meanwhile is wiped when it folds the {@code ContactErased} that follows, and it seals
 * nothing more for that contact, whose commands are refused (docs/decisions.md, "Erasure").
 */
public class ContactKeys {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final int MAX_REMEMBERED = 100_000;
    private static final int PRELOAD_CHUNK = 500;

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

    /**
     * The contact's key, if it has one: none before its first personal value, none after an
     * erasure. For reading: a key row this transaction did not insert is committed, and is
     * remembered at once; one it inserted is read again each time, since a savepoint or the whole
     * transaction may still roll it back.
     */
    public Optional<SecretKey> find(String workspaceId, String contactId) {
        String id = id(workspaceId, contactId);
        Remembered known = remembered.get(id);
        if (known != null && known.until().isAfter(clock.instant())) {
            return Optional.of(known.key());
        }
        Optional<SecretKey> stored = read(workspaceId, contactId);
        if (stored.isPresent() && !insertedByThisTransaction().contains(id)) {
            remember(id, stored.get());
        }
        return stored;
    }

    /**
     * Reads the keys of many contacts of one workspace with one query per 500 of them and
     * remembers those committed, as {@link #find} would one at a time: for a batch of events
     * about to be read (a replay read one row a contact, a round trip each, for most of its time).
     * Contacts whose key is remembered already are not read again.
     */
    public void preload(String workspaceId, Collection<String> contactIds) {
        Instant now = clock.instant();
        List<String> unknown = contactIds.stream().distinct().filter(contactId -> {
            Remembered known = remembered.get(id(workspaceId, contactId));
            return known == null || !known.until().isAfter(now);
        }).toList();
        Set<String> insertedHere = insertedByThisTransaction();
        for (int from = 0; from < unknown.size(); from += PRELOAD_CHUNK) {
            List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + PRELOAD_CHUNK));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = workspaceId;
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i);
            }
            jdbc.query("SELECT contact_id, secret FROM contact_key WHERE workspace_id = ? AND contact_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        String id = id(workspaceId, rs.getString(1));
                        if (!insertedHere.contains(id)) {
                            remember(id, new SecretKeySpec(rs.getBytes(2), "AES"));
                        }
                    }, params);
        }
    }

    /**
     * The contact's key, made now in the current transaction when it has none. For sealing: a key
     * comes from memory only when it was read committed (as {@link #find} remembers it), never one
     * this transaction or a savepoint of it made, so a value is sealed only with a key whose row
     * commits with it or already has (a key remembered from a savepoint that rolled back would seal
     * values no stored key opens: found by the fault suite). A remembered key another instance has
     * since deleted seals nothing: that contact is erased, and its commands are refused on its
     * latest state (docs/decisions.md, "Erasure").
     */
    public SecretKey findOrMake(String workspaceId, String contactId) {
        Optional<SecretKey> existing = find(workspaceId, contactId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] fresh = maker.newKey();
        String insert = "INSERT INTO contact_key (workspace_id, contact_id, secret, created_at) VALUES (?, ?, ?, ?)";
        int inserted = 0;
        try {
            // another transaction making the same key first: ours then finds its key below
            inserted = jdbc.update(postgres ? insert + " ON CONFLICT DO NOTHING" : insert, workspaceId, contactId, fresh,
                    java.sql.Timestamp.from(clock.instant()));
        } catch (DataIntegrityViolationException madeMeanwhile) {
            // H2 has no ON CONFLICT here; a failed statement leaves its transaction usable
        }
        if (inserted > 0) {
            markInsertedByThisTransaction(id(workspaceId, contactId));
        }
        return read(workspaceId, contactId)
                .orElseThrow(() -> new IllegalStateException("the key of " + workspaceId + "/" + contactId + " could not be made"));
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

    private void markInsertedByThisTransaction(String id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no transaction: the insert committed on its own
        }
        Set<String> inserted = insertedByThisTransaction();
        if (inserted.isEmpty()) {
            TransactionSynchronizationManager.bindResource(this, inserted);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ContactKeys.this);
                }
            });
        }
        inserted.add(id);
    }

    @SuppressWarnings("unchecked")
    private Set<String> insertedByThisTransaction() {
        Object bound = TransactionSynchronizationManager.isSynchronizationActive()
                ? TransactionSynchronizationManager.getResource(this) : null;
        return bound == null ? new java.util.HashSet<>() : (Set<String>) bound;
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
