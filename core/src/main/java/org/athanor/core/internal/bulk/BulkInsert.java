package org.athanor.core.internal.bulk;

import java.util.List;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.dialect.BulkInsertShape;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.dialect.KeyStrategy;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;
import org.athanor.core.type.ValueCodec;

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
    final Insert base;
    /** The base as given, before the strategy asked for rows in row order. */
    private final Insert userBase;
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
    /** Per form ({@link Chunk#PLAIN}, ...): the binder of a statement of {@link #per} rows, once one was needed. */
    final SlotBinder[] full = new SlotBinder[Chunk.FORMS];
    /** Per form: the codecs binding a full statement straight from the rows, or null (see {@link InsertPlan#directCodecs}). */
    @SuppressWarnings("unchecked")
    final ValueCodec<Object>[][] direct = new ValueCodec[Chunk.FORMS][];
    /** The column-array statement, once one was needed. */
    CompiledTemplate arrays;

    public BulkInsert(Executor x, Insert base, Column<?>[] columns, int[] positions, Column<?>... returning) {
        java.util.Objects.requireNonNull(base, "insert");
        java.util.Objects.requireNonNull(columns, "columns");
        java.util.Objects.requireNonNull(returning, "returning");
        if (positions != null && positions.length != columns.length)
            throw new IllegalArgumentException("insertRows: " + positions.length + " positions for " + columns.length + " columns");
        Dialect dialect = x.dialect();
        // a plain base's plan depends only on the table, columns, positions and returned columns: the Engine keeps it
        // (an ORM flush plans the same insert at every commit); the key strategy, which may keep state, is new each time
        Planned parts = Binders.Shape.isPlain(base) ? x.binders().planned(base.table(), columns, positions, returning,
                () -> Planned.of(base, columns, positions, returning, dialect.features())) : Planned.of(base, columns, positions, returning,
                dialect.features());
        this.userBase = base;
        this.shape = parts.shape;
        this.strategy = choose(dialect, shape);
        boolean rowOrder = strategy.insertsInRowOrder();
        InsertPlan p = rowOrder ? parts.rowOrderPlan() : parts.plan;
        this.x = x;
        this.base = rowOrder ? parts.rowOrderBase() : base;
        this.columns = parts.columns;
        this.positions = parts.positions;
        this.returning = parts.returning;
        this.plan = p;
        this.bound = p.usesPositions(this.positions) ? this.positions : null;
        this.per = strategy.rowsPerStatement(p.rowsPerStatement());
        if (per < 1) throw new IllegalStateException(strategy.name() + " asked for " + per + " rows per statement");
    }

    /**
     * What planning an insert works out before its key strategy is chosen, for any connection of one Engine:
     * copies of the arrays (never changed), the shape the strategy is chosen by, and the plan of the base as
     * given and, once a strategy asked for it, in row order. Immutable but for that one memo (a benign race:
     * two threads may both work it out).
     */
    static final class Planned {
        final Insert base;
        final Column<?>[] columns;
        final int[] positions;
        final Column<?>[] returning;
        final BulkInsertShape shape;
        final InsertPlan plan;
        private final DialectFeatures features;
        private volatile Insert rowOrderBase;
        private volatile InsertPlan rowOrderPlan;

        private Planned(Insert base, Column<?>[] columns, int[] positions, Column<?>[] returning, BulkInsertShape shape, InsertPlan plan,
                DialectFeatures features) {
            this.base = base;
            this.columns = columns;
            this.positions = positions;
            this.returning = returning;
            this.shape = shape;
            this.plan = plan;
            this.features = features;
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

        Insert rowOrderBase() {
            Insert b = rowOrderBase;
            if (b == null) rowOrderBase = b = base.inRowOrder();
            return b;
        }

        InsertPlan rowOrderPlan() {
            InsertPlan p = rowOrderPlan;
            if (p == null) rowOrderPlan = p = InsertPlan.of(rowOrderBase(), List.of(columns), features);
            return p;
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
     * the shape's table, columns, returned columns, rows and form — a base with nothing of its own
     * (see {@link Binders.Shape#isPlain}) but the row order its strategy asks for, which the shape
     * determines (the strategy is chosen from it).
     */
    boolean keyedByShape() {
        return strategy.insertsInRowOrder() ? Binders.Shape.isPlain(userBase) : Binders.Shape.isPlain(base);
    }

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
