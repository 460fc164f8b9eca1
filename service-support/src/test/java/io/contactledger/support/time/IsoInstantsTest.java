package io.contactledger.support.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Instants read without the general parser: the same instant, or none. */
class IsoInstantsTest {

    /** Seconds of 0000-01-01T00:00:00Z and of 9999-12-31T23:59:59Z: the years written in four digits. */
    private static final long FIRST = -62_167_219_200L;
    private static final long LAST = 253_402_300_799L;

    @Property
    void everyInstantJacksonWritesIsReadBackAsItself(@ForAll @LongRange(min = FIRST, max = LAST) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant written = Instant.ofEpochSecond(seconds, nanos);

        assertThat(IsoInstants.parse(DateTimeFormatter.ISO_INSTANT.format(written))).isEqualTo(written);
    }

    @Property
    void anyTextIsEitherLeftToTheGeneralParserOrReadAsItReadsIt(@ForAll("instantLikeText") String text) {
        Instant fast = IsoInstants.parse(text);

        if (fast != null) {
            assertThat(Instant.parse(text)).isEqualTo(fast);
        }
    }

    @Provide
    Arbitrary<String> instantLikeText() {
        // an instant with one character changed, dropped or doubled: mostly almost-instants
        Arbitrary<String> instants = Arbitraries.longs().between(FIRST, LAST)
                .map(seconds -> DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds, seconds % 7 == 0 ? 0 : seconds % 1_000_000_000)));
        return instants.flatMap(text -> Arbitraries.integers().between(0, text.length() - 1).flatMap(at ->
                Arbitraries.of('0', '1', '2', '3', '5', '9', '-', 'T', 't', ':', '.', 'Z', 'z', '+', ' ', '٣').flatMap(c ->
                        Arbitraries.of(
                                text.substring(0, at) + c + text.substring(at + 1),
                                text.substring(0, at) + text.substring(at + 1),
                                text.substring(0, at) + c + text.substring(at)))));
    }

    @Test
    void shapesAndDatesItDoesNotTakeAreLeftToTheGeneralParser() {
        assertThat(IsoInstants.parse("2026-12-01T11:22:34.648Z")).isEqualTo(Instant.parse("2026-12-01T11:22:34.648Z"));
        assertThat(IsoInstants.parse("2026-02-30T00:00:00Z")).as("no such day").isNull();
        assertThat(catchThrowable(() -> Instant.parse("2026-02-30T00:00:00Z"))).isInstanceOf(DateTimeParseException.class);
        assertThat(IsoInstants.parse("2016-12-31T23:59:60Z")).as("a leap second").isNull();
        assertThat(IsoInstants.parse("+10000-01-01T00:00:00Z")).as("a five-digit year").isNull();
        assertThat(IsoInstants.parse("2026-12-01t11:22:34z")).as("lower case").isNull();
        assertThat(IsoInstants.parse("2026-12-01T11:22:34.Z")).as("an empty fraction").isNull();
        assertThat(IsoInstants.parse("2026-12-01T11:22:34.1234567890Z")).as("ten fraction digits").isNull();
    }
}
