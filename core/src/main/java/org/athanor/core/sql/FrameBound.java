package org.athanor.core.sql;

/** One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}, ... */
public record FrameBound(Kind kind, long offset) {
    public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public FrameBound {
        if (offset < 0) throw new IllegalArgumentException("a frame offset must be >= 0, got " + offset);
    }

    public static FrameBound unboundedPreceding() { return new FrameBound(Kind.UNBOUNDED_PRECEDING, 0); }
    public static FrameBound preceding(long n) { return new FrameBound(Kind.PRECEDING, n); }
    public static FrameBound currentRow() { return new FrameBound(Kind.CURRENT_ROW, 0); }
    public static FrameBound following(long n) { return new FrameBound(Kind.FOLLOWING, n); }
    public static FrameBound unboundedFollowing() { return new FrameBound(Kind.UNBOUNDED_FOLLOWING, 0); }

    /** The SQL spelling; offsets are integers rendered inline (frame offsets must be constants on some databases). */
    public String sql() {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> offset + " PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> offset + " FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        };
    }
}
