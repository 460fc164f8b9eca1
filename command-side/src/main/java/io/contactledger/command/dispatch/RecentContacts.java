package io.contactledger.command.dispatch;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The contacts kept in memory between commands: the most recently used, up to a count, each held
 * by a soft reference. Axon's {@code WeakReferenceCache}, used before, lost its entries at every
 * garbage collection, so under load most commands loaded their contact from the store again (JFR
 * of the benchmark's commands: a fifth of the request threads' time, a third of it re-creating
 * the aggregate through Spring). Soft references survive collections and are given up only when
 * the heap runs short, so contacts with unusually large state cannot exhaust it; the count keeps
 * the cache's own bookkeeping small. The store stays the truth (see {@link CommandDispatch#contactCache}).
 *
 * <p>It also remembers the version each contact's last decision here left it at, so that a cached
 * contact another instance has appended to since is dropped before it is decided on ({@link
 * #forgetUnlessAt}): a strong cache kept such stale copies, and with requests spread over two
 * instances most commands then lost their append on the store's unique key and were decided again
 * (each lost append also leaves a hole in the store's global index, which every projection's
 * token carries until it times out: ScaleOutIT's query side ran out of heap on them).
 */
final class RecentContacts implements Cache {

    /** What is kept of one contact: its cached state, if any, and the version its last decision here left it at. */
    private static final class Slot {
        private SoftReference<Object> state;
        private long decidedAt = -2;

        Object live() {
            return state == null ? null : state.get();
        }
    }

    private final int capacity;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Slot> slots;

    RecentContacts(int capacity) {
        this.capacity = capacity;
        // access order: the eldest slot is the one used least recently
        this.slots = new LinkedHashMap<>(Math.min(capacity, 1_024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Slot> eldest) {
                if (size() <= RecentContacts.this.capacity) {
                    return false;
                }
                if (eldest.getValue().state != null) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                }
                return true;
            }
        };
    }

    /** A decision here left the contact at {@code version} (its unit of work may still roll back: see {@link #forgetUnlessAt}). */
    synchronized void decided(Object key, long version) {
        if (capacity > 0) {
            slots.computeIfAbsent(key, k -> new Slot()).decidedAt = version;
        }
    }

    /**
     * Drops the cached contact unless the last decision here left it at the version the store holds
     * now: otherwise another instance appended since, or that decision never committed.
     */
    synchronized void forgetUnlessAt(Object key, long storedVersion) {
        Slot slot = slots.get(key);
        if (slot == null || slot.decidedAt != storedVersion) {
            remove(key);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Object value = value(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    /** The state held for the key, or null; a slot whose state the collector took is dropped. */
    private Object value(Object key) {
        Slot slot = slots.get(key);
        Object value = slot == null ? null : slot.live();
        if (slot != null && slot.state != null && value == null) {
            slots.remove(key);
            listeners.forEach(listener -> listener.onEntryExpired(key));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (capacity == 0) {
            return;
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        boolean existed = slot.live() != null;
        slot.state = new SoftReference<>(value);
        listeners.forEach(listener -> {
            if (existed) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (capacity == 0 || value(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        Slot slot = slots.remove(key);
        boolean removed = slot != null && slot.live() != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List<Object> keys = slots.entrySet().stream().filter(slot -> slot.getValue().state != null).map(Map.Entry::getKey).toList();
        slots.clear();
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        Slot slot = slots.get(key);
        return slot != null && slot.live() != null;
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
