package org.athanor.core.internal.bulk;

import java.util.List;
import org.athanor.core.dialect.BulkInsertShape;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.dialect.KeyStrategy;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;

/**
 * A multi-row INSERT into one table's columns from value arrays, planned once — the statement size
 * under the bind-parameter limit and the {@link KeyStrategy} that learns what comes back — and run
 * on one list of rows after another ({@code Connection.rowsInsert}, {@code insertRows}, the ORM's
 * flush). The strategy is the dialect's ({@link Dialect#keyStrategy}) where it has one for this
 * shape, else core's: none, RETURNING (in row order where promised), RETURNING sorted (an identity
 * key inserted in row order), sentinel matching, or JDBC generated keys.
 */
public final class BulkInsert {
    final Executor x;
    /** The base and plan the statements are built from (the given base, or in row order), and what they were sent as. */
    final InsertForm form;
    final Insert base;
    final Column<?>[] columns;
    /** Where each column's value sits in a row (null: at the column's own index). */
    final int[] positions;
    final Column<?>[] returning;
    final InsertPlan plan;
    /** {@link #positions} when the binder reads the rows as given, else null (rows are aligned first). */
    final int[] bound;
    final int per;
    final KeyStrategy strategy;
    final BulkInsertShape shape;
    /** Whether the statements' SQL depends only on the shape (see {@link #keyedByShape}). */
    private final boolean keyedByShape;

    public BulkInsert(Executor x, Insert base, Column<?>[] columns, int[] positions, Column<?>... returning) {
        java.util.Objects.requireNonNull(base, "insert");
        java.util.Objects.requireNonNull(columns, "columns");
        java.util.Objects.requireNonNull(returning, "returning");
        if (positions != null && positions.length != columns.length)
            throw new IllegalArgumentException("insertRows: " + positions.length + " positions for " + columns.length + " columns");
        Dialect dialect = x.dialect();
        // a plain base's plan depends only on the table, columns, positions and returned columns: the Engine keeps it
        // (an ORM flush plans the same insert at every commit), with its key strategy when that keeps no state
        boolean plain = Binders.Shape.isPlain(base);
        Planned parts = plain ? x.binders().planned(base.table(), columns, positions, returning,
                () -> Planned.of(base, columns, positions, returning, dialect.features())) : Planned.of(base, columns, positions, returning,
                dialect.features());
        Planned.Chosen chosen = parts.chosen(dialect);
        this.shape = parts.shape;
        this.strategy = chosen.strategy();
        this.form = parts.form(strategy.insertsInRowOrder());
        this.keyedByShape = plain;
        this.x = x;
        this.base = form.base;
        this.columns = parts.columns;
        this.positions = parts.positions;
        this.returning = parts.returning;
        this.plan = form.plan;
        this.bound = form.bound;
        this.per = chosen.per();
    }

    /**
     * What planning an insert works out for any connection of one Engine: copies of the arrays (never changed), the
     * shape the strategy is chosen by, the key strategy when it keeps no state ({@link KeyStrategy#reusable}) with the
     * rows per statement it asked for, and the base as given and, once a strategy asked for it, in row order, each with
     * its plan and the statements it was sent as ({@link InsertForm}). Immutable but for those memos (benign races: two
     * threads may both work one out; each is immutable once published).
     */
    static final class Planned {
        final Insert base;
        final Column<?>[] columns;
        final int[] positions;
        final Column<?>[] returning;
        final BulkInsertShape shape;
        final InsertForm given;
        private final DialectFeatures features;
        private volatile InsertForm rowOrder;
        private volatile Chosen kept;

        /** A key strategy and the rows per statement it asked for. */
        record Chosen(KeyStrategy strategy, int per) {}

        private Planned(Insert base, Column<?>[] columns, int[] positions, Column<?>[] returning, BulkInsertShape shape, InsertPlan plan,
                DialectFeatures features) {
            this.base = base;
            this.columns = columns;
            this.positions = positions;
            this.returning = returning;
            this.shape = shape;
            this.features = features;
            this.given = new InsertForm(base, plan, positions);
        }

        static Planned of(Insert base, Column<?>[] columns, int[] positions, Column<?>[] returning, DialectFeatures features) {
            InsertPlan p = InsertPlan.of(base, List.of(columns), features);
            if (p == null)
                throw new IllegalArgumentException("insertRows needs a plain Sql.insert(table) (no rows, SELECT or DEFAULT VALUES) whose"
                        + " rows fit the bind-parameter limit; got: " + base);
            BulkInsertShape shape = new BulkInsertShape(base.table(), List.of(columns), List.of(returning), base.onConflictClause() != null,
                    p.givenOnly());
            return new Planned(base, columns.clone(), positions == null ? null : positions.clone(), returning.clone(), shape, p, features);
        }

        /**
         * The key strategy for this insert: the one chosen before when it is {@link KeyStrategy#reusable}, else one
         * chosen now ({@link #choose}; a strategy that keeps state across its chunks serves one insert only).
         */
        Chosen chosen(Dialect dialect) {
            Chosen c = kept;
            if (c != null) return c;
            KeyStrategy s = choose(dialect, shape);
            InsertPlan p = form(s.insertsInRowOrder()).plan;
            int per = s.rowsPerStatement(p.rowsPerStatement());
            if (per < 1) throw new IllegalStateException(s.name() + " asked for " + per + " rows per statement");
            c = new Chosen(s, per);
            if (s.reusable()) kept = c;
            return c;
        }

        /** The base as given, or in row order (planned the first time a strategy asks for it). */
        InsertForm form(boolean inRowOrder) {
            if (!inRowOrder) return given;
            InsertForm f = rowOrder;
            if (f == null) {
                Insert b = base.inRowOrder();
                rowOrder = f = new InsertForm(b, InsertPlan.of(b, List.of(columns), features), positions);
            }
            return f;
        }
    }

    /** The strategy for {@code shape}: the dialect's, else core's by the dialect's features. */
    static KeyStrategy choose(Dialect dialect, BulkInsertShape shape) {
        KeyStrategy own = dialect.keyStrategy(shape);
        if (own != null) return own;
        DialectFeatures f = dialect.features();
        List<Column<?>> returning = shape.returning();
        if (returning.isEmpty()) return NoKeys.INSTANCE;
        if (!f.supportsReturning()) {
            if (returning.size() != 1)
                throw new IllegalArgumentException(dialect.name() + " has no RETURNING: insertRows can return only the generated key"
                        + " column, not " + returning.stream().map(Column::name).toList());
            return new GeneratedKeys(f.multiRowGeneratedKeys());
        }
        if (f.returningPreservesOrder() || returning.size() > 1) return ReturningKeys.INSTANCE;
        if (f.orderedInsertSelect() && returning.get(0).isAutoincrement()) return SortedReturningKeys.INSTANCE;
        return SentinelKeys.INSTANCE;
    }

    /**
     * Whether this insert's statements are kept by shape ({@link Binders}): its SQL depends only on
     * the shape's table, columns, returned columns, rows and form — the caller's base has nothing of
     * its own (see {@link Binders.Shape#isPlain}); the row order its strategy may ask for is
     * determined by the shape (the strategy is chosen from it).
     */
    boolean keyedByShape() { return keyedByShape; }

    /** The key strategy chosen for this insert. */
    public KeyStrategy strategy() { return strategy; }

    /** How many rows one statement holds; handing rows over in lists of this size splits none. */
    public int rowsPerStatement() { return per; }

    /** Inserts {@code rows} and returns the values of the returning columns for each (an empty list when none are named). */
    public List<Object[]> rows(List<Object[]> rows) {
        java.util.Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) return List.of();
        Collected out = new Collected(rows.size(), false);
        run(rows, out);
        return out.rows;
    }

    /** Inserts {@code rows} and returns the one returning column's values in one array, in the order {@link #rows} gives them. */
    public Object[] keys(List<Object[]> rows) {
        java.util.Objects.requireNonNull(rows, "rows");
        if (returning.length != 1)
            throw new IllegalStateException("keys() needs exactly one returning column; this insert returns " + returning.length);
        if (rows.isEmpty()) return new Object[0];
        Collected out = new Collected(rows.size(), true);
        run(rows, out);
        return out.flat();
    }

    private void run(List<Object[]> rows, Collected out) {
        for (int from = 0; from < rows.size(); from += per) strategy.insert(new Chunk(this, rows, from, Math.min(rows.size(), from + per), out));
    }
}
