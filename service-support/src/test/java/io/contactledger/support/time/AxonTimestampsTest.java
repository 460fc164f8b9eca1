package io.contactledger.support.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** Event timestamps as Axon stores them are read as Axon's own parser reads them. */
class AxonTimestampsTest {

    @Test
    void givenInstantsAsAxonStoresThem_whenRead_thenEachIsTheInstantAxonsOwnParserReads() {
        Random random = new Random(20261130);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);

            Instant read = IsoInstants.parse(stored);

            assertThat(read).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void givenTheEdgesOfDaysAndLeapYearsAndOtherFractions_whenRead_thenTheyAreReadAsAxonReadsThem() {
        for (String stored : new String[] {"1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.500Z",
                "2000-02-29T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2027-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z",
                "0000-02-29T00:00:00.000Z", "0400-03-01T00:00:00.000Z", "1600-02-29T01:02:03.004Z", "9999-12-31T23:59:59.999Z",
                "2026-04-30T00:00:00.000Z", "2026-03-01T00:00:00.000Z",
                // the other fractions of the same shape, which Axon reads too
                "2026-11-30T11:44:16Z", "2026-11-30T11:44:16.6Z", "2026-11-30T11:44:16.626123Z", "2026-11-30T11:44:16.626123789Z"}) {
            assertThat(IsoInstants.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void givenTextInAnyOtherLayout_whenRead_thenItIsLeftToAxonsParser() {
        for (String other : new String[] {"2026-11-30T11:44:16.626+01:00", "2026-11-30T11:44:16.Z", "2026-11-30T11:44:16.6261234567Z",
                "2026-11-30 11:44:16.626Z", "2026-11-30T11:44:16,626Z", "2026-11-30t11:44:16.626z", "", "x"}) {
            assertThat(IsoInstants.parse(other)).as(other).isNull();
        }
        assertThat(IsoInstants.parse(null)).isNull();
    }

    @Test
    void givenADateThatDoesNotExist_whenRead_thenItIsLeftToAxonsParserWhichRefusesIt() {
        for (String impossible : new String[] {"2026-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-11-30T24:00:00.000Z",
                "2026-11-30T11:60:00.000Z", "2026-11-30T11:00:60.000Z", "2026-00-10T10:00:00.000Z", "-026-11-30T10:00:00.000Z",
                "1900-02-29T10:00:00.000Z", "2100-02-29T10:00:00.000Z", "2026-04-31T10:00:00.000Z", "2026-11-00T10:00:00.000Z",
                "2026-06-31T10:00:00.000Z", "2026-01-32T10:00:00.000Z"}) {
            assertThat(IsoInstants.parse(impossible)).as(impossible).isNull();
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(impossible)).as(impossible).isNotNull();
        }
    }
}
