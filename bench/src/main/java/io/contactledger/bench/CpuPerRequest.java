package io.contactledger.bench;

import java.util.List;
import java.util.Map;

/** The CPU time some service processes use over a measured window, per request answered in it. */
final class CpuPerRequest {

    private final List<Service> services;
    private final long before;

    private CpuPerRequest(List<Service> services, long before) {
        this.services = services;
        this.before = before;
    }

    static CpuPerRequest startingNow(List<Service> services) {
        return new CpuPerRequest(services, total(services));
    }

    /** Puts the milliseconds of CPU per request under {@code key}; nothing when the platform does not tell or nothing was answered. */
    void report(Map<String, Object> results, String key, long requests) {
        long after = total(services);
        if (before < 0 || after < 0 || requests == 0) {
            return;
        }
        results.put(key, Math.round((after - before) / 1e6 / requests * 1000) / 1000.0);
    }

    private static long total(List<Service> services) {
        long sum = 0;
        for (Service service : services) {
            long used = service.cpuNanos();
            if (used < 0) {
                return -1;
            }
            sum += used;
        }
        return sum;
    }
}
