package org.athanor.core.sql;

/**
 * A field of a date, time or timestamp, for {@link Sql#extract}. Values are whole numbers:
 * {@link #SECOND} drops fractions, {@link #DAY_OF_WEEK} counts from Sunday = 0, {@link #DAY_OF_YEAR}
 * from January 1 = 1.
 */
public enum DatePart {
    YEAR("YEAR"), QUARTER("QUARTER"), MONTH("MONTH"), DAY("DAY"), HOUR("HOUR"), MINUTE("MINUTE"), SECOND("SECOND"),
    DAY_OF_WEEK("DOW"), DAY_OF_YEAR("DOY");

    private final String sql;

    DatePart(String sql) { this.sql = sql; }

    /** The ANSI/PostgreSQL field name used in {@code EXTRACT(field FROM x)}. */
    public String sql() { return sql; }
}
