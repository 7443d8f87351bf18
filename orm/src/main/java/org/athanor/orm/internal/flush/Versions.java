package org.athanor.orm.internal.flush;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.athanor.orm.mapping.MappingException;

/**
 * The rules of {@code @Version} attributes: which types may be versions, the version of a new row,
 * and the version that follows a given one. The flush writes {@code SET version = next} and checks
 * {@code WHERE version = previous}, so a version must come back from the database exactly as written.
 *
 * <ul>
 *   <li>Numbers (Short, Integer, Long, primitive or boxed) start at 1 and count up by 1. A primitive
 *       field keeps the 0 it starts with.</li>
 *   <li>Timestamps (Instant, LocalDateTime, OffsetDateTime) take the current time of the session
 *       factory's clock ({@code SessionFactory.withVersionClock}; the system clock in the JVM's default zone
 *       unless set) truncated to microseconds, the precision every supported database keeps: PostgreSQL's
 *       TIMESTAMP/TIMESTAMPTZ and MySQL/MariaDB's DATETIME(6) hold microseconds (pgjdbc rounds finer
 *       values, the MySQL dialect binds six fraction digits), SQLite's text keeps what it is given. The
 *       next version is strictly later than the previous one: when the clock has not moved past it
 *       (two updates within a microsecond, a clock set back, a daylight-saving change for a
 *       LocalDateTime), it is the previous version plus one microsecond. LocalDateTime is the clock's
 *       wall time (the JVM's default zone unless a test clock says otherwise); OffsetDateTime is at
 *       UTC, the offset the databases read it back with.</li>
 * </ul>
 */
public final class Versions {
    private Versions() {}

    /**
     * The boxed Java types {@link #next} can advance: what this class implements, not a rule. The rule
     * (which types a @Version may have) is org.athanor.orm.rules.TypeRules.VERSION_TYPES, shared by the
     * mapping and the processor; VersionsTest checks that this class implements exactly those.
     */
    public static final Set<Class<?>> TYPES = Set.of(Short.class, Integer.class, Long.class, Instant.class, LocalDateTime.class,
            OffsetDateTime.class);

    private static final ChronoUnit PRECISION = ChronoUnit.MICROS;

    /** {@code clock}, or when null the system clock in the JVM's current default zone (looked up at each use). */
    static Clock orSystem(Clock clock) {
        return clock != null ? clock : Clock.systemDefaultZone();
    }

    /** Refuses a {@code @Version} attribute whose (boxed) type the session cannot advance. */
    public static void checkType(Class<?> entity, String attribute, Class<?> type) {
        if (!TYPES.contains(type))
            throw new MappingException(entity.getName() + "." + attribute + ": "
                    + org.athanor.orm.rules.Messages.unsupportedVersionType(type.getName()));
    }

    /**
     * The version a new row is inserted with: {@code current} itself when it can be stored as it is,
     * the initial version when it is null, and a timestamp truncated to microseconds when it is finer
     * (so that the row's version compares equal to the object's on the next flush).
     */
    public static Object seed(Object current, Class<?> type, Clock clock) {
        if (current == null) return initial(type, clock);
        if (current instanceof Instant t) {
            Instant u = t.truncatedTo(PRECISION);
            return u.equals(t) ? t : u;
        }
        if (current instanceof LocalDateTime t) {
            LocalDateTime u = t.truncatedTo(PRECISION);
            return u.equals(t) ? t : u;
        }
        if (current instanceof OffsetDateTime t) {
            OffsetDateTime u = t.truncatedTo(PRECISION);
            return u.equals(t) ? t : u;
        }
        return current;
    }

    /** The version of a new row whose version attribute is null; timestamps from {@code clock} (null: the system clock). */
    public static Object initial(Class<?> type, Clock clock) {
        if (type == Long.class) return 1L;
        if (type == Integer.class) return 1;
        if (type == Short.class) return (short) 1;
        Clock c = orSystem(clock);
        Instant now = c.instant().truncatedTo(PRECISION);
        if (type == Instant.class) return now;
        if (type == LocalDateTime.class) return LocalDateTime.ofInstant(now, c.getZone());
        if (type == OffsetDateTime.class) return now.atOffset(ZoneOffset.UTC);
        throw unsupported(type);
    }

    /** The version that replaces {@code previous}: one more, or a later timestamp of {@code clock} (null: the system clock). */
    public static Object next(Object previous, Class<?> type, Clock clock) {
        if (previous == null)
            throw new IllegalStateException("the @Version attribute is null, so there is no version to check the row against; "
                    + "give the row a version (e.g. 1 or the current time) before updating it");
        if (previous instanceof Long v) return Math.addExact(v, 1L);
        if (previous instanceof Integer v) return Math.addExact(v, 1);
        if (previous instanceof Short v) {
            if (v == Short.MAX_VALUE)
                throw new ArithmeticException("the Short @Version " + v + " cannot be incremented without overflow; use Integer or Long");
            return (short) (v + 1);
        }
        Clock c = orSystem(clock);
        Instant now = c.instant().truncatedTo(PRECISION);
        if (previous instanceof Instant p) return later(now, p);
        if (previous instanceof LocalDateTime p) {
            LocalDateTime n = LocalDateTime.ofInstant(now, c.getZone());
            return n.isAfter(p) ? n : p.truncatedTo(PRECISION).plus(1, PRECISION);
        }
        if (previous instanceof OffsetDateTime p) return later(now, p.toInstant()).atOffset(ZoneOffset.UTC);
        throw unsupported(type);
    }

    private static Instant later(Instant now, Instant previous) {
        return now.isAfter(previous) ? now : previous.truncatedTo(PRECISION).plus(1, PRECISION);
    }

    private static IllegalArgumentException unsupported(Class<?> type) {
        return new IllegalArgumentException("not a version type: " + type.getName() + "; supported: "
                + TYPES.stream().map(Class::getSimpleName).sorted().toList());
    }
}
