package io.contactledger.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed requests, counted by phase and HTTP status (-1: no answer), so a non-zero total says where. */
final class Errors {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String phase, int status) {
        counts.computeIfAbsent(phase + " " + status, key -> new LongAdder()).increment();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> byKind() {
        Map<String, Long> kinds = new TreeMap<>();
        counts.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return kinds;
    }
}
