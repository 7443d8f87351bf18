package org.athanor.core.compliance;

/**
 * What a database is documented to change or refuse when a value is written and read back (see
 * docs/reliability-properties.md): the per-database half of the "kept, documented change, or
 * DataError" contract that {@link ValueRoundTripSuite} checks. Anything not listed here must
 * come back equal.
 *
 * @param timeUnitNanos  the precision of TIME, TIMESTAMP and TIMESTAMP WITH TIME ZONE: finer digits
 *                       are truncated on bind (1 where nanoseconds are kept)
 * @param timeMaxKept    whether LocalTime.MAX comes back as itself (pgjdbc binds it as 24:00:00) rather
 *                       than truncated like any other time
 * @param negativeZeroKept whether -0.0 comes back as -0.0 (else as 0.0: SQL compares them equal)
 * @param nulInText      whether text may hold NUL (U+0000); where not, it is refused with a DataError
 * @param nanKept        whether NaN is stored (else refused with a DataError)
 * @param infinityKept   whether ±Infinity is stored (else refused with a DataError)
 * @param minYear        the first proleptic year DATE and TIMESTAMP hold (earlier ones are refused)
 * @param maxDateYear    the last year DATE holds
 * @param maxTimestampYear the last year TIMESTAMP holds (UTC wall time for TIMESTAMP WITH TIME ZONE)
 * @param varcharCuts    null where VARCHAR(n) keeps any length (SQLite); else it refuses more than n
 *                       characters, except that excess characters all from this set are cut without an
 *                       error: spaces on PostgreSQL (the SQL standard's rule), and on MariaDB also tab,
 *                       LF, VT and CR (found by this suite; MariaDB reports no warning to the client)
 */
public record Fidelity(long timeUnitNanos, boolean timeMaxKept, boolean negativeZeroKept, boolean nulInText, boolean nanKept,
                       boolean infinityKept, int minYear, int maxDateYear, int maxTimestampYear, String varcharCuts) {

    /** SQLite: dates and times are ISO text with nanoseconds; REAL loses the sign of zero and cannot hold NaN; text no NUL. */
    public static final Fidelity SQLITE = new Fidelity(1, true, false, false, false, true, -999_999_999, 999_999_999, 999_999_999, null);

    /** PostgreSQL 15: microseconds; float4/float8 keep -0.0, NaN and infinities; no NUL in text; 4713 BC onwards. */
    public static final Fidelity POSTGRES = new Fidelity(1_000, true, true, false, true, true, -4712, 5_874_897, 294_276, " ");

    /** MariaDB 10.11: DATETIME(6)/TIME(6) microseconds; DOUBLE has no -0.0, NaN or infinities; years 0000..9999. */
    public static final Fidelity MARIADB = new Fidelity(1_000, false, false, true, false, false, 0, 9999, 9999, " \t\n\u000b\r");

    /**
     * Whether the proleptic year 0 (1 BC) has a 29 February here. MariaDB counts year 0 as a common
     * year and refuses '0000-02-29' (found by ValueRoundTripSuite); java.time, PostgreSQL and SQLite
     * text keep it.
     */
    public boolean yearZeroIsLeap() { return this != MARIADB; }
}
