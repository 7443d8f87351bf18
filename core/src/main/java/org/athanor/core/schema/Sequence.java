package org.athanor.core.schema;

import java.util.Objects;

/**
 * A database sequence as a schema object (SQLAlchemy's {@code Sequence}): add it to a {@link MetaData}
 * and {@code createAll} creates it before the tables (so a column default may call it), {@code dropAll}
 * drops it after them.
 *
 * <pre>{@code
 * Sequence orderNo = Sequence.of("order_no").startWith(1000);
 * MetaData metadata = MetaData.of(ORDERS).add(orderNo);
 * metadata.createAll(engine);   // CREATE SEQUENCE IF NOT EXISTS order_no START WITH 1000 INCREMENT BY 1, then the tables
 * }</pre>
 *
 * Sequences exist on PostgreSQL and MariaDB 10.3+. On databases without them
 * ({@code DialectFeatures.supportsSequences()} false: SQLite, MySQL 8) createAll and dropAll skip
 * sequences silently, as SQLAlchemy does, so one MetaData serves every database.
 *
 * <p>An immutable value: {@link #startWith} and {@link #incrementBy} return new sequences. Without
 * {@code startWith} the sequence starts at 1 when it counts up and at -1 when it counts down (the
 * databases' own defaults). Neither MINVALUE nor MAXVALUE is set, so the database's defaults apply:
 * an ascending sequence cannot start below 1, a descending one above -1; the database says so when
 * the sequence is created.
 */
public final class Sequence {
    private final String schema;
    private final String name;
    private final Long start; // null: 1 counting up, -1 counting down
    private final long increment;

    private Sequence(String schema, String name, Long start, long increment) {
        this.schema = schema;
        this.name = name;
        this.start = start;
        this.increment = increment;
    }

    /** A sequence in the connection's current schema, starting at 1 and counting up by 1. */
    public static Sequence of(String name) { return new Sequence(null, requireName("name", name, null), null, 1); }

    /** A sequence in {@code schema}, starting at 1 and counting up by 1. */
    public static Sequence of(String schema, String name) {
        String n = requireName("name", name, null);
        return new Sequence(requireName("schema", schema, n), n, null, 1);
    }

    /** The same sequence starting at {@code value} (START WITH). */
    public Sequence startWith(long value) { return new Sequence(schema, name, value, increment); }

    /** The same sequence stepping by {@code step} (INCREMENT BY): positive counts up, negative counts down, never 0. */
    public Sequence incrementBy(long step) {
        if (step == 0)
            throw new IllegalArgumentException("sequence " + qualifiedName() + ": INCREMENT BY cannot be 0; use a positive "
                    + "step to count up or a negative one to count down");
        return new Sequence(schema, name, start, step);
    }

    private static String requireName(String what, String value, String sequence) {
        if (value == null || value.isBlank())
            throw new IllegalArgumentException("a sequence " + what + " must be a non-blank string"
                    + (sequence == null ? "" : " (sequence " + sequence + ")") + ", got " + (value == null ? "null" : "'" + value + "'"));
        return value;
    }

    public String name() { return name; }

    /** The schema, or null for the connection's current schema. */
    public String schema() { return schema; }

    /** The first value nextval returns. */
    public long start() { return start != null ? start : increment > 0 ? 1 : -1; }

    public long increment() { return increment; }

    /** {@code schema.name}, or {@code name} without a schema (unquoted; for messages and MetaData keys). */
    public String qualifiedName() { return schema == null ? name : schema + "." + name; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s && Objects.equals(schema, s.schema) && name.equals(s.name)
                && start() == s.start() && increment == s.increment;
    }

    @Override public int hashCode() { return Objects.hash(schema, name, start(), increment); }

    @Override
    public String toString() { return "Sequence(" + qualifiedName() + " START WITH " + start() + " INCREMENT BY " + increment + ")"; }
}
