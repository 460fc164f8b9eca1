package io.contactledger.command.details;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.util.TimeZone;

/**
 * A region's time zone when the region keeps one clock: all its zones share today's offsets
 * (standard and daylight-saving), so any of them tells the contact's local time. GB and DE
 * qualify; the US, Spain (Canaries) and Russia do not.
 */
public final class SingleClockZones {

    private static final ConcurrentHashMap<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private SingleClockZones() {
    }

    public static Optional<String> of(String region) {
        if (region == null) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(region, SingleClockZones::compute);
    }

    private static Optional<String> compute(String region) {
        List<ZoneId> zones = new ArrayList<>();
        for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, region, null)) {
            if (ZoneId.getAvailableZoneIds().contains(id)) {
                zones.add(ZoneId.of(id));
            }
        }
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        List<ZoneOffset> first = offsetsThroughTheYear(zones.get(0));
        boolean oneClock = zones.stream().allMatch(zone -> Objects.equals(offsetsThroughTheYear(zone), first));
        return oneClock ? Optional.of(zones.get(0).getId()) : Optional.empty();
    }

    /** Offsets at the start of each month from today: catches both standard and summer time. */
    private static List<ZoneOffset> offsetsThroughTheYear(ZoneId zone) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<ZoneOffset> offsets = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            offsets.add(zone.getRules().getOffset(today.plus(month * 30L, ChronoUnit.DAYS)));
        }
        return offsets;
    }
}
