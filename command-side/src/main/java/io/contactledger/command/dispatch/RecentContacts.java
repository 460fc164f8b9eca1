package io.contactledger.command.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The contacts kept in memory between commands: the most recently used, up to a count. Axon's
 * {@code WeakReferenceCache}, used before, lost its entries at every garbage collection, so under
 * load most commands loaded their contact from the store again (JFR of the benchmark's commands:
 * loading took 15 % of the request threads' time, a third of it re-creating the aggregate through
 * Spring). A count bounds the memory as well as a contact's size does; the store stays the truth
 * (see {@link CommandDispatch#contactCache}).
 */
final class RecentContacts implements Cache {

    private final int capacity;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Object> entries;

    RecentContacts(int capacity) {
        this.capacity = capacity;
        // access order: the eldest entry is the one used least recently
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1_024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= RecentContacts.this.capacity) {
                    return false;
                }
                listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                return true;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (capacity == 0) {
            return;
        }
        boolean existed = entries.put(key, value) != null;
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
        if (capacity == 0 || entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List<Object> keys = List.copyOf(entries.keySet());
        entries.clear();
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
