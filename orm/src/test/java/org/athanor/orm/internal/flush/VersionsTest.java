package org.athanor.orm.internal.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.athanor.orm.mapping.MappingException;
import org.junit.jupiter.api.Test;

/** The version rules without a database: types, first values, next values. */
class VersionsTest {
    /** The clock versions are taken from (a factory's clock; null: the system clock). */
    private Clock clock;

    private void fix(String instant, String zone) { clock = Clock.fixed(Instant.parse(instant), ZoneId.of(zone)); }

    @Test
    void numbersStartAtOneAndCountUp() {
        assertEquals(1L, Versions.initial(Long.class, clock));
        assertEquals(1, Versions.initial(Integer.class, clock));
        assertEquals((short) 1, Versions.initial(Short.class, clock));
        assertEquals(8L, Versions.next(7L, Long.class, clock));
        assertEquals(8, Versions.next(7, Integer.class, clock));
        assertEquals((short) 8, Versions.next((short) 7, Short.class, clock));
        Integer zero = 0; // a primitive field's starting value is kept
        assertSame(zero, Versions.seed(zero, Integer.class, clock));
    }

    @Test
    void numbersRefuseToOverflow() {
        assertThrows(ArithmeticException.class, () -> Versions.next(Integer.MAX_VALUE, Integer.class, clock));
        assertThrows(ArithmeticException.class, () -> Versions.next(Long.MAX_VALUE, Long.class, clock));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Versions.next(Short.MAX_VALUE, Short.class, clock));
        assertTrue(e.getMessage().contains("32767") && e.getMessage().contains("Integer or Long"), e.getMessage());
    }

    @Test
    void timestampsAreTheClockTimeTruncatedToMicroseconds() {
        fix("2024-05-01T10:15:30.123456789Z", "America/New_York");
        assertEquals(Instant.parse("2024-05-01T10:15:30.123456Z"), Versions.initial(Instant.class, clock));
        assertEquals(LocalDateTime.parse("2024-05-01T06:15:30.123456"), Versions.initial(LocalDateTime.class, clock),
                "wall time in the clock's zone");
        assertEquals(OffsetDateTime.parse("2024-05-01T10:15:30.123456Z"), Versions.initial(OffsetDateTime.class, clock));
        assertEquals(ZoneOffset.UTC, ((OffsetDateTime) Versions.initial(OffsetDateTime.class, clock)).getOffset(),
                "at UTC, the offset every database reads it back with");
        assertEquals(Instant.parse("2024-05-01T10:15:30.123456Z"), Versions.next(Instant.parse("2024-05-01T10:15:30Z"), Instant.class, clock));
    }

    @Test
    void theNextTimestampIsStrictlyLaterWhenTheClockHasNotMoved() {
        fix("2024-05-01T10:15:30.123456789Z", "UTC");
        Instant now = Instant.parse("2024-05-01T10:15:30.123456Z");
        assertEquals(Instant.parse("2024-05-01T10:15:30.123457Z"), Versions.next(now, Instant.class, clock), "same microsecond");
        assertEquals(Instant.parse("2024-05-01T11:00:00.000001Z"), Versions.next(Instant.parse("2024-05-01T11:00:00Z"), Instant.class, clock),
                "clock behind the version");
        assertEquals(Instant.parse("2024-05-01T11:00:00.000001Z"),
                Versions.next(Instant.parse("2024-05-01T11:00:00.000000999Z"), Instant.class, clock), "a finer previous value is truncated first");
        assertEquals(OffsetDateTime.parse("2024-05-01T10:15:30.123457Z"),
                Versions.next(OffsetDateTime.parse("2024-05-01T12:15:30.123456+02:00"), OffsetDateTime.class, clock),
                "offsets are compared as instants and the result is at UTC");
        assertEquals(LocalDateTime.parse("2024-05-01T10:15:30.123457"),
                Versions.next(LocalDateTime.parse("2024-05-01T10:15:30.123456"), LocalDateTime.class, clock));
    }

    @Test
    void aLocalDateTimeVersionKeepsGoingUpWhenDaylightSavingTimeEnds() {
        // 01:30 EDT, then the clocks fall back and 01:10 EST is half an hour later in real time
        fix("2024-11-03T05:30:00Z", "America/New_York");
        LocalDateTime first = (LocalDateTime) Versions.initial(LocalDateTime.class, clock);
        assertEquals(LocalDateTime.parse("2024-11-03T01:30"), first);
        fix("2024-11-03T06:10:00Z", "America/New_York");
        assertEquals(LocalDateTime.parse("2024-11-03T01:30:00.000001"), Versions.next(first, LocalDateTime.class, clock));
    }

    @Test
    void seedKeepsStorableValuesAndTruncatesFinerOnes() {
        fix("2024-05-01T10:15:30Z", "UTC");
        assertEquals(Instant.parse("2024-05-01T10:15:30Z"), Versions.seed(null, Instant.class, clock));
        assertEquals(1L, Versions.seed(null, Long.class, clock));
        Instant micros = Instant.parse("2020-01-01T00:00:00.000001Z");
        assertSame(micros, Versions.seed(micros, Instant.class, clock), "unchanged values are returned as they are");
        assertEquals(micros, Versions.seed(Instant.parse("2020-01-01T00:00:00.000001999Z"), Instant.class, clock));
        assertEquals(LocalDateTime.parse("2020-01-01T00:00:00.000001"),
                Versions.seed(LocalDateTime.parse("2020-01-01T00:00:00.000001999"), LocalDateTime.class, clock));
        assertEquals(OffsetDateTime.parse("2020-01-01T00:00:00.000001+01:00"),
                Versions.seed(OffsetDateTime.parse("2020-01-01T00:00:00.000001999+01:00"), OffsetDateTime.class, clock));
    }

    @Test
    void aNullVersionCannotBeAdvanced() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Versions.next(null, Long.class, clock));
        assertTrue(e.getMessage().contains("@Version") && e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void unsupportedTypesAreRefusedNamingTheClassTheFieldAndTheSupportedTypes() {
        MappingException e = assertThrows(MappingException.class, () -> Versions.checkType(VersionsTest.class, "rev", String.class));
        assertEquals("org.athanor.orm.internal.flush.VersionsTest.rev: @Version on unsupported type java.lang.String; a version is a number or "
                + "a timestamp: [Instant, Integer, LocalDateTime, Long, OffsetDateTime, Short]", e.getMessage());
        for (Class<?> t : Versions.TYPES) Versions.checkType(VersionsTest.class, "rev", t);
    }

    @Test
    void theSessionTheMappingAndTheProcessorAgreeOnVersionTypes() throws ReflectiveOperationException {
        Field mapping = Class.forName("org.athanor.orm.mapping.JavaTypes").getDeclaredField("VERSION_TYPES");
        mapping.setAccessible(true);
        assertEquals(Versions.TYPES, mapping.get(null));
        Field processor = Class.forName("org.athanor.orm.rules.TypeRules").getDeclaredField("VERSION_TYPES");
        processor.setAccessible(true);
        assertEquals(Versions.TYPES.stream().map(Class::getName).collect(Collectors.toSet()), (Set<?>) processor.get(null));
    }
}
