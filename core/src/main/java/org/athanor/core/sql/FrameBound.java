package org.athanor.core.sql;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}, ...
 * The offset is a whole number ({@code offset}), or for RANGE frames a decimal ({@code decimalOffset},
 * {@code RANGE BETWEEN 1.5 PRECEDING ...}) or an interval ({@code offset} of {@code intervalUnit},
 * {@code RANGE BETWEEN INTERVAL '1' DAY PRECEDING ...}, over a date/time ORDER BY). Offsets render
 * inline: frame offsets must be constants on some databases.
 */
public record FrameBound(Kind kind, long offset, BigDecimal decimalOffset, ChronoUnit intervalUnit) {
    public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** The interval units a frame offset may have (the SQL standard's interval fields). */
    public static final Set<ChronoUnit> INTERVAL_UNITS =
            Set.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS);

    public FrameBound {
        if (offset < 0) throw new IllegalArgumentException("a frame offset must be >= 0, got " + offset);
        if (decimalOffset != null && decimalOffset.signum() < 0) throw new IllegalArgumentException("a frame offset must be >= 0, got " + decimalOffset);
        if (decimalOffset != null && intervalUnit != null) throw new IllegalArgumentException("a frame offset is a decimal or an interval, not both");
        if ((decimalOffset != null || intervalUnit != null) && kind != Kind.PRECEDING && kind != Kind.FOLLOWING)
            throw new IllegalArgumentException(kind + " takes no offset");
        if (intervalUnit != null && !INTERVAL_UNITS.contains(intervalUnit))
            throw new IllegalArgumentException("a frame interval is in " + INTERVAL_UNITS + ", not " + intervalUnit);
    }

    public FrameBound(Kind kind, long offset) { this(kind, offset, null, null); }

    public static FrameBound unboundedPreceding() { return new FrameBound(Kind.UNBOUNDED_PRECEDING, 0); }
    public static FrameBound preceding(long n) { return new FrameBound(Kind.PRECEDING, n); }
    public static FrameBound currentRow() { return new FrameBound(Kind.CURRENT_ROW, 0); }
    public static FrameBound following(long n) { return new FrameBound(Kind.FOLLOWING, n); }
    public static FrameBound unboundedFollowing() { return new FrameBound(Kind.UNBOUNDED_FOLLOWING, 0); }
    /** {@code n PRECEDING} with a non-integer n, for RANGE frames. */
    public static FrameBound preceding(BigDecimal n) { return new FrameBound(Kind.PRECEDING, 0, n, null); }
    public static FrameBound following(BigDecimal n) { return new FrameBound(Kind.FOLLOWING, 0, n, null); }
    /** {@code INTERVAL 'n' UNIT PRECEDING}, for RANGE frames over a date/time ORDER BY. */
    public static FrameBound preceding(long n, ChronoUnit unit) { return new FrameBound(Kind.PRECEDING, n, null, unit); }
    public static FrameBound following(long n, ChronoUnit unit) { return new FrameBound(Kind.FOLLOWING, n, null, unit); }

    /** Whether the offset is an interval. */
    public boolean isInterval() { return intervalUnit != null; }

    /** Whether the offset is a whole number of rows, groups or (RANGE) units of the ORDER BY value. */
    public boolean isIntegral() { return decimalOffset == null && intervalUnit == null; }

    /** The offset as SQL: {@code 2}, {@code 1.5}, {@code INTERVAL '1' DAY}; null for bounds without one. */
    public String offsetSql() {
        if (kind != Kind.PRECEDING && kind != Kind.FOLLOWING) return null;
        if (decimalOffset != null) return decimalOffset.toPlainString();
        if (intervalUnit != null) {
            String u = intervalUnit.name();
            return "INTERVAL '" + offset + "' " + u.substring(0, u.length() - 1);
        }
        return Long.toString(offset);
    }

    /** The SQL spelling (the SQL standard's, which the three databases read where they have the construct). */
    public String sql() {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> offsetSql() + " PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> offsetSql() + " FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        };
    }
}
