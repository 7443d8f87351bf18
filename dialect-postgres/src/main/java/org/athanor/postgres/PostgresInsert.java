package org.athanor.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Update;

/**
 * PostgreSQL's upsert, {@code INSERT ... ON CONFLICT (...) DO UPDATE SET ... | DO NOTHING}, attached to a
 * core {@link Insert} (whose VALUES, RETURNING and execution stay core's).
 *
 * <pre>{@code
 * import static org.athanor.postgres.PostgresInsert.*;
 *
 * // insert a counter, or add to it when the key is taken; excluded(...) is the row that was proposed
 * Insert upsert = onConflict(insert(HITS).set(HITS.PAGE, "/").set(HITS.COUNT, 1L), HITS.PAGE)
 *         .doUpdate(set(HITS.COUNT, HITS.COUNT.plus(excluded(HITS.COUNT))));
 *
 * // take the proposed values of some columns
 * onConflict(insert(USERS).set(...), USERS.EMAIL).doUpdateFromExcluded(USERS.NAME, USERS.AGE);
 *
 * // ignore duplicates of any unique constraint
 * onConflict(insert(USERS).set(...)).doNothing();
 * }</pre>
 *
 * Beyond core's portable upsert, this form names a constraint ({@link #onConflictOnConstraint}), a
 * partial-index predicate ({@link ConflictTarget#where}), a WHERE on DO UPDATE, and DO NOTHING without a
 * target. Where another statically imported class also has an {@code excluded} method, call this one as
 * {@code PostgresInsert.excluded(...)}. The clause is PostgreSQL syntax (SQLite 3.24+ reads it too);
 * other databases reject it when the statement runs.
 */
public final class PostgresInsert {
    private PostgresInsert() {}

    /** {@code ON CONFLICT (columns)}: the columns of a unique index or constraint of the insert's table. */
    public static ConflictTarget onConflict(Insert insert, Column<?>... columns) {
        Objects.requireNonNull(insert, "insert");
        if (columns.length == 0)
            throw new IllegalArgumentException("onConflict(insert, columns...) needs the conflict columns; "
                    + "use onConflict(insert) for DO NOTHING on any conflict");
        for (Column<?> c : columns) checkOwn(insert.table(), c, "conflict target");
        return new ConflictTarget(insert, List.of(columns), null, null);
    }

    /** {@code ON CONFLICT ON CONSTRAINT name}: a named unique or exclusion constraint. */
    public static ConflictTarget onConflictOnConstraint(Insert insert, String constraintName) {
        Objects.requireNonNull(insert, "insert");
        if (constraintName == null || constraintName.isEmpty())
            throw new IllegalArgumentException("onConflictOnConstraint needs a constraint name");
        return new ConflictTarget(insert, List.of(), constraintName, null);
    }

    /** {@code ON CONFLICT} with no target: any unique violation. Only {@link ConflictTarget#doNothing()} may follow. */
    public static ConflictTarget onConflict(Insert insert) {
        Objects.requireNonNull(insert, "insert");
        return new ConflictTarget(insert, List.of(), null, null);
    }

    /** {@code excluded.column}: the value the conflicting row proposed for {@code column}. */
    public static <T> Expression<T> excluded(Column<T> column) { return new Excluded<>(column); }

    /** The first assignment of a DO UPDATE SET list; chain more with {@link Assignments#set}. */
    public static <T> Assignments set(Column<T> column, T value) { return Assignments.EMPTY.set(column, value); }

    public static <T> Assignments set(Column<T> column, Expression<? extends T> value) { return Assignments.EMPTY.set(column, value); }

    /** An immutable {@code SET col = value, ...} list for {@link ConflictTarget#doUpdate(Assignments)}. */
    public static final class Assignments {
        static final Assignments EMPTY = new Assignments(List.of());
        private final List<Update.Assignment> items;

        private Assignments(List<Update.Assignment> items) { this.items = items; }

        /** Adds {@code column = value}, the value bound as a parameter. */
        public <T> Assignments set(Column<T> column, T value) { return set(column, column.bind(value)); }

        /** Adds {@code column = expression}, e.g. {@code excluded(column)} or {@code column.plus(1)}. */
        public <T> Assignments set(Column<T> column, Expression<? extends T> value) {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(value, "value");
            List<Update.Assignment> l = new ArrayList<>(items);
            l.removeIf(a -> a.column() == column);
            l.add(new Update.Assignment(column, value));
            return new Assignments(List.copyOf(l));
        }

        List<Update.Assignment> items() { return items; }
    }

    /** What conflicts: columns, a constraint, or any. Say what happens next with doNothing/doUpdate. */
    public static final class ConflictTarget {
        private final Insert insert;
        private final List<Column<?>> columns;
        private final String constraint;
        private final Expression<Boolean> indexWhere;

        private ConflictTarget(Insert insert, List<Column<?>> columns, String constraint, Expression<Boolean> indexWhere) {
            this.insert = insert;
            this.columns = columns;
            this.constraint = constraint;
            this.indexWhere = indexWhere;
        }

        /**
         * {@code ON CONFLICT (cols) WHERE predicate}: the predicate of a partial unique index, which
         * PostgreSQL needs to pick that index as the arbiter.
         */
        public ConflictTarget where(Expression<Boolean> indexPredicate) {
            if (columns.isEmpty())
                throw new IllegalStateException("where(...) narrows a conflict target given by columns to a partial index; "
                        + "this ON CONFLICT has " + (constraint != null ? "a constraint" : "no target"));
            return new ConflictTarget(insert, columns, constraint, Objects.requireNonNull(indexPredicate, "indexPredicate"));
        }

        /** {@code ... DO NOTHING}: a conflicting row is skipped (and not returned by RETURNING). */
        public Insert doNothing() { return attach(List.of(), null, true); }

        /** {@code ... DO UPDATE SET ...}: the existing row is updated instead. */
        public Insert doUpdate(Assignments set) { return doUpdate(set, null); }

        /** {@code ... DO UPDATE SET ... WHERE condition}: only rows meeting the condition are updated. */
        public Insert doUpdate(Assignments set, Expression<Boolean> where) {
            Objects.requireNonNull(set, "set");
            return attach(set.items(), where, false);
        }

        /**
         * {@code ... DO UPDATE SET} from a column → value map; values that are {@link Expression}s are used
         * as they are, others are bound as parameters.
         */
        public Insert doUpdate(Map<? extends Column<?>, ?> set) {
            Assignments a = Assignments.EMPTY;
            for (Map.Entry<? extends Column<?>, ?> e : set.entrySet()) a = setAny(a, e.getKey(), e.getValue());
            return doUpdate(a);
        }

        @SuppressWarnings("unchecked")
        private static <T> Assignments setAny(Assignments a, Column<T> c, Object value) {
            if (value instanceof Expression<?> x) return a.set(c, (Expression<? extends T>) x);
            return a.set(c, c.bind(value));
        }

        /** {@code ... DO UPDATE SET c = excluded.c} for each column: the proposed row wins for them. */
        public Insert doUpdateFromExcluded(Column<?>... columns) {
            Assignments a = Assignments.EMPTY;
            for (Column<?> c : columns) a = setExcluded(a, c);
            return doUpdate(a);
        }

        private static <T> Assignments setExcluded(Assignments a, Column<T> c) { return a.set(c, excluded(c)); }

        private Insert attach(List<Update.Assignment> set, Expression<Boolean> where, boolean nothing) {
            if (!nothing) {
                if (columns.isEmpty() && constraint == null)
                    throw new IllegalStateException("ON CONFLICT DO UPDATE needs a conflict target: use onConflict(insert, columns...) "
                            + "or onConflictOnConstraint(insert, name)");
                if (set.isEmpty()) throw new IllegalArgumentException("ON CONFLICT DO UPDATE needs at least one column to set");
                for (Update.Assignment a : set) checkOwn(insert.table(), a.column(), "DO UPDATE SET");
            }
            return insert.withOnConflict(new OnConflictClause(columns, constraint, indexWhere, nothing, set, where));
        }
    }

    private static void checkOwn(Table table, Column<?> c, String where) {
        if (c.table() != table)
            throw new IllegalArgumentException(where + " column " + c + " does not belong to the inserted table " + table.name());
    }
}
