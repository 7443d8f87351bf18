package org.athanor.orm;

import org.athanor.core.engine.Engine;

import static org.athanor.core.sql.Sql.count;
import static org.athanor.core.sql.Sql.select;
import static org.athanor.core.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.Booking;
import org.athanor.orm.model.Memo;
import org.athanor.orm.model.Shift;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Version} on Instant, LocalDateTime and OffsetDateTime, run on every database by the
 * subclasses: the version the session writes is the one the database gives back (so the optimistic
 * {@code WHERE version = ?} matches), later writes get later versions, and a version changed by someone
 * else makes UPDATE and DELETE fail with StaleDataException.
 */
public abstract class TimestampVersionTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Memo.class, Shift.class, Booking.class);
    static final Table MEMOS = REGISTRY.table(Memo.class);
    static final Column<Long> MEMO_ID = ClassMapping.column(Memo.class, "id", Long.class);
    static final Column<Instant> MEMO_VERSION = ClassMapping.column(Memo.class, "updatedAt", Instant.class);
    static final Table SHIFTS = REGISTRY.table(Shift.class);
    static final Column<Long> SHIFT_ID = ClassMapping.column(Shift.class, "id", Long.class);
    static final Column<LocalDateTime> SHIFT_VERSION = ClassMapping.column(Shift.class, "modifiedAt", LocalDateTime.class);
    static final Column<Long> BOOKING_ID = ClassMapping.column(Booking.class, "id", Long.class);
    static final Column<OffsetDateTime> BOOKING_VERSION = ClassMapping.column(Booking.class, "changedAt", OffsetDateTime.class);

    /** A time with nanoseconds, which no database keeps: versions must be truncated to microseconds. */
    static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123456789Z");
    /** A zone far from UTC and from the servers' zones, so a LocalDateTime shifted by any conversion shows. */
    static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");

    /** The factory's version clock (the suite's sessions take their timestamps from it). */
    final SettableClock clock = new SettableClock(T0, ZONE);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    SessionFactory sessionFactory(Engine engine) {
        return SessionFactory.of(engine, registry()).withVersionClock(clock);
    }

    @BeforeEach
    void resetTheClock() { clock.set(T0); }

    private <T> T committed(Column<T> version, Column<Long> id, long key) {
        return engine.fromTransaction(c -> c.execute(select(version).where(id.eq(key))).one()._1);
    }

    private long committedCount(Column<Long> id) {
        return engine.fromTransaction(c -> c.execute(select(org.athanor.core.sql.Sql.count()).from(id.table())).one()._1).longValue();
    }

    @Test
    void insertStampsTheClockTimeToTheMicrosecondAndTheDatabaseGivesItBack() {
        Instant expected = Instant.parse("2024-05-01T10:15:30.123456Z");
        Memo memo = new Memo(1L, "hello");
        Shift shift = new Shift(1L, "ann");
        Booking booking = new Booking(1L, "blue");
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(memo, shift, booking));
            s.commit();
        }
        assertEquals(memo.getUpdatedAt(), committed(MEMO_VERSION, MEMO_ID, 1L), "the object holds what the row holds");
        assertEquals(shift.getModifiedAt(), committed(SHIFT_VERSION, SHIFT_ID, 1L));
        assertEquals(booking.getChangedAt(), committed(BOOKING_VERSION, BOOKING_ID, 1L));
        assertEquals(expected, committed(MEMO_VERSION, MEMO_ID, 1L));
        assertEquals(LocalDateTime.of(2024, 5, 1, 16, 0, 30, 123_456_000), committed(SHIFT_VERSION, SHIFT_ID, 1L),
                "the clock's wall time in its zone (UTC+05:45), stored without any zone conversion");
        assertEquals(expected.atOffset(ZoneOffset.UTC), committed(BOOKING_VERSION, BOOKING_ID, 1L));
        try (Session s = sessions.openSession()) {
            assertEquals(expected, s.get(Memo.class, 1L).getUpdatedAt());
            assertEquals(LocalDateTime.of(2024, 5, 1, 16, 0, 30, 123_456_000), s.get(Shift.class, 1L).getModifiedAt());
            assertEquals(expected.atOffset(ZoneOffset.UTC), s.get(Booking.class, 1L).getChangedAt());
        }
    }

    @Test
    void aVersionTheApplicationSetIsTruncatedToWhatTheDatabaseKeeps() {
        Memo m = new Memo(1L, "hello");
        m.setUpdatedAt(Instant.parse("2030-01-02T03:04:05.987654321Z"));
        try (Session s = sessions.openSession()) {
            s.add(m);
            s.commit();
            assertEquals(Instant.parse("2030-01-02T03:04:05.987654Z"), m.getUpdatedAt());
            assertEquals(m.getUpdatedAt(), committed(MEMO_VERSION, MEMO_ID, 1L));
            // the clock (2024) is behind the version: the next one is still later
            m.setText("again");
            s.commit();
            assertEquals(Instant.parse("2030-01-02T03:04:05.987655Z"), m.getUpdatedAt());
            assertEquals(m.getUpdatedAt(), committed(MEMO_VERSION, MEMO_ID, 1L));
        }
    }

    @Test
    void eachUpdateWritesALaterVersionEvenWhenTheClockStandsStill() {
        try (Session s = sessions.openSession()) {
            Memo m = new Memo(1L, "v1");
            Shift sh = new Shift(1L, "ann");
            s.addAll(List.of(m, sh));
            s.commit();
            Instant v1 = m.getUpdatedAt();
            LocalDateTime w1 = sh.getModifiedAt();

            clock.set(T0.plusSeconds(60));
            m.setText("v2");
            sh.setWorker("bob");
            s.commit();
            assertEquals(Instant.parse("2024-05-01T10:16:30.123456Z"), m.getUpdatedAt());
            assertEquals(w1.plusSeconds(60), sh.getModifiedAt());

            // the clock did not move: one microsecond later
            m.setText("v3");
            sh.setWorker("cy");
            s.commit();
            assertEquals(Instant.parse("2024-05-01T10:16:30.123457Z"), m.getUpdatedAt());
            assertEquals(w1.plusSeconds(60).plus(1, ChronoUnit.MICROS), sh.getModifiedAt());

            // the clock went back (NTP, or a daylight-saving change for wall times): still later
            clock.set(T0.minusSeconds(3600));
            m.setText("v4");
            sh.setWorker("dee");
            s.commit();
            assertEquals(Instant.parse("2024-05-01T10:16:30.123458Z"), m.getUpdatedAt());
            assertTrue(m.getUpdatedAt().isAfter(v1));
            assertEquals(m.getUpdatedAt(), committed(MEMO_VERSION, MEMO_ID, 1L));
            assertEquals(sh.getModifiedAt(), committed(SHIFT_VERSION, SHIFT_ID, 1L));
        }
        try (Session s = sessions.openSession()) {
            assertEquals("v4", s.get(Memo.class, 1L).getText());
            assertEquals("dee", s.get(Shift.class, 1L).getWorker());
        }
    }

    @Test
    void theVersionClockBelongsToItsFactory() {
        try (Session s = sessions.openSession()) {
            s.add(new Memo(1L, "factory clock"));
            s.commit();
        }
        try (Session s = SessionFactory.of(engine, registry()).openSession()) {
            s.add(new Memo(2L, "system clock"));
            s.commit();
        }
        assertEquals(T0.truncatedTo(java.time.temporal.ChronoUnit.MICROS), committed(MEMO_VERSION, MEMO_ID, 1L));
        assertTrue(committed(MEMO_VERSION, MEMO_ID, 2L).isAfter(Instant.parse("2025-01-01T00:00:00Z")),
                "another factory of the JVM takes the system clock");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sessions.withVersionClock(null));
        assertTrue(e.getMessage().contains("withVersionClock needs a clock"), e.getMessage());
    }

    @Test
    void quickUpdatesOnTheSystemClockNeverRepeatAVersion() {
        SessionFactory onTheSystemClock = SessionFactory.of(engine, registry());
        try (Session s = onTheSystemClock.openSession()) {
            Memo m = new Memo(1L, "0");
            Booking b = new Booking(1L, "0");
            s.addAll(List.of(m, b));
            s.commit();
            Instant previous = m.getUpdatedAt();
            OffsetDateTime previousB = b.getChangedAt();
            for (int i = 1; i <= 20; i++) {
                m.setText(Integer.toString(i));
                b.setRoom(Integer.toString(i));
                s.flush(); // each flush checks the version the previous one wrote
                assertTrue(m.getUpdatedAt().isAfter(previous), m.getUpdatedAt() + " after " + previous);
                assertTrue(b.getChangedAt().isAfter(previousB), b.getChangedAt() + " after " + previousB);
                assertEquals(0, m.getUpdatedAt().getNano() % 1000, "microseconds: " + m.getUpdatedAt());
                previous = m.getUpdatedAt();
                previousB = b.getChangedAt();
            }
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals("20", s.get(Memo.class, 1L).getText());
            assertEquals("20", s.get(Booking.class, 1L).getRoom());
        }
    }

    @Test
    void aVersionChangedByACoreUpdateMakesTheFlushStaleAndTheSessionRecovers() {
        try (Session s = sessions.openSession()) {
            s.add(new Memo(1L, "mine"));
            s.commit();
        }
        Instant theirs = Instant.parse("2024-05-01T10:15:30.5Z");
        try (Session s = sessions.openSession()) {
            Memo m = s.get(Memo.class, 1L);
            Instant loaded = m.getUpdatedAt();
            s.commit(); // ends the read transaction: SQLite would refuse to write after a newer commit (SQLITE_BUSY_SNAPSHOT)
            TestDb.tx(engine, c -> c.execute(update(MEMOS).set(MEMO_VERSION, theirs).where(MEMO_ID.eq(1L))));
            clock.set(T0.plusSeconds(1));
            m.setText("changed");
            StaleDataException stale = assertThrows(StaleDataException.class, s::commit);
            assertTrue(stale.getMessage().contains("Memo") && stale.getMessage().contains("id=1")
                    && stale.getMessage().contains(loaded.toString()), stale.getMessage());
            assertEquals(loaded, m.getUpdatedAt(), "the new version is undone");
            s.rollback();
            s.refresh(m);
            assertEquals(theirs, m.getUpdatedAt());
            assertEquals("mine", m.getText());
            m.setText("retried");
            s.commit();
            assertEquals(T0.plusSeconds(1).truncatedTo(ChronoUnit.MICROS), m.getUpdatedAt(),
                    "the clock is past their version: the clock's time");
        }
        assertEquals(T0.plusSeconds(1).truncatedTo(ChronoUnit.MICROS), committed(MEMO_VERSION, MEMO_ID, 1L));
    }

    @Test
    void aSecondSessionsCommitMakesTheFirstSessionsUpdateStale() {
        try (Session s = sessions.openSession()) {
            s.add(new Shift(1L, "ann"));
            s.commit();
        }
        try (Session first = sessions.openSession(); Session second = sessions.openSession()) {
            Shift a = first.get(Shift.class, 1L);
            Shift b = second.get(Shift.class, 1L);
            LocalDateTime loaded = a.getModifiedAt();
            assertEquals(loaded, b.getModifiedAt());
            first.commit();
            clock.set(T0.plusMillis(5));
            b.setWorker("bob");
            second.commit();
            assertTrue(b.getModifiedAt().isAfter(loaded));

            a.setWorker("cy");
            assertThrows(StaleDataException.class, first::commit);
            assertEquals(loaded, a.getModifiedAt());
            first.rollback();
            first.refresh(a);
            assertEquals("bob", a.getWorker());
            assertEquals(b.getModifiedAt(), a.getModifiedAt());
            a.setWorker("cy");
            first.commit(); // the clock stands still at the second session's version: one microsecond later
            assertEquals(b.getModifiedAt().plus(1, ChronoUnit.MICROS), a.getModifiedAt());
        }
        assertEquals(LocalDateTime.ofInstant(T0.plusMillis(5), ZONE).truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS),
                committed(SHIFT_VERSION, SHIFT_ID, 1L));
    }

    @Test
    void deleteChecksTheVersion() {
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(new Memo(1L, "a"), new Shift(1L, "ann")));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Memo m = s.get(Memo.class, 1L);
            Shift sh = s.get(Shift.class, 1L);
            s.commit();
            TestDb.tx(engine, c -> c.execute(update(MEMOS).set(MEMO_VERSION, T0.plusSeconds(9)).where(MEMO_ID.eq(1L))));
            s.delete(m);
            StaleDataException stale = assertThrows(StaleDataException.class, s::commit);
            assertTrue(stale.getMessage().startsWith("flush failed deleting Memo"), stale.getMessage());
            assertInstanceOf(StaleDataException.class, stale.getCause());
            assertTrue(stale.getCause().getMessage().startsWith("DELETE of"), stale.getCause().getMessage());
            s.rollback();
            assertNotNull(committed(MEMO_VERSION, MEMO_ID, 1L), "the row is still there");
            s.refresh(m);
            s.delete(m);
            // an unchanged version deletes
            s.delete(sh);
            s.commit();
        }
        assertEquals(0L, committedCount(MEMO_ID));
        assertEquals(0L, committedCount(SHIFT_ID));
    }

    /** A clock tests move by hand. */
    static final class SettableClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        SettableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) { now = instant; }

        @Override public ZoneId getZone() { return zone; }
        @Override public Clock withZone(ZoneId z) { return new SettableClock(now, z); }
        @Override public Instant instant() { return now; }
    }
}
