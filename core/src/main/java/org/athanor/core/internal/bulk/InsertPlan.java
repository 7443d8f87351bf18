package org.athanor.core.internal.bulk;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Param;
import org.athanor.core.type.ValueCodec;

/**
 * How {@link org.athanor.core.engine.Connection#insertMany} turns column → value maps into multi-row INSERTs without
 * building statement nodes per row: the columns (those the rows name, then the columns with a
 * client-side default the rows leave out, as {@link Insert} orders them), the rows per statement
 * under the dialect's bind-parameter limit, the row values cast to their column types, and the
 * placeholder-only statement compiled once per chunk size.
 */
final class InsertPlan {
    private final Insert base;
    /** The columns every row names, in the order of the first row (or of {@code base.columns(...)}). */
    private final List<Column<?>> given;
    /** {@link #given} then the columns filled by client-side defaults. */
    private final Column<?>[] all;
    private final int rowsPerStatement;

    /** The Java type of each column of {@link #all}: a value of exactly that class needs no cast. */
    private final Class<?>[] javaTypes;

    private InsertPlan(Insert base, List<Column<?>> given, Column<?>[] all, int rowsPerStatement) {
        this.base = base;
        this.given = given;
        this.all = all;
        this.rowsPerStatement = rowsPerStatement;
        this.javaTypes = new Class<?>[all.length];
        for (int i = 0; i < all.length; i++) javaTypes[i] = all[i].type().javaType();
    }

    /**
     * The plan for inserting rows shaped like {@code first} through {@code base}, or null when the
     * statement path must be taken: a base that already has rows, a SELECT or DEFAULT VALUES, or a
     * single row that does not fit the bind-parameter limit (compiled with inline values).
     */
    static InsertPlan of(Insert base, Map<? extends Column<?>, ?> first, DialectFeatures features) {
        return of(base, base.columns().isEmpty() ? List.copyOf(first.keySet()) : base.columns(), features);
    }

    /** The plan for rows of values for {@code given} (see {@link #of(Insert, Map, DialectFeatures)}). */
    static InsertPlan of(Insert base, List<Column<?>> given, DialectFeatures features) {
        if (base.select() != null || base.isDefaultValues() || !base.rows().isEmpty()) return null;
        List<Column<?>> cols = new ArrayList<>(given);
        for (Column<?> c : base.table().columns()) if (c.hasDefault() && !given.contains(c)) cols.add(c);
        Column<?>[] all = cols.toArray(Column<?>[]::new);
        // parameters of the statement itself: only an ON CONFLICT clause has any, so only then is a
        // one-row statement built to count them (a plain bulk insert builds nothing here)
        int fixed = 0;
        if (base.onConflictClause() != null) {
            KeyCollector key = new KeyCollector();
            new InsertPlan(base, given, all, 1).template(1, new IdentityHashMap<>()).key(key);
            fixed = key.paramCount() - all.length;
        }
        int room = features.maxBindParams() - fixed;
        if (room < all.length) return null;
        int cap = features.insertParamsPerStatement() == 0 ? 1000 : Math.min(1000, Math.max(1, features.insertParamsPerStatement() / all.length));
        int perStatement = features.supportsMultiRowInsert() ? Math.max(1, Math.min(cap, room / all.length)) : 1;
        return new InsertPlan(base, given, all, perStatement);
    }

    int rowsPerStatement() { return rowsPerStatement; }

    /** The columns every row names (see {@link #given}). */
    List<Column<?>> given() { return given; }

    /** The statement the statement path runs for {@code chunk} (rows holding expressions). */
    Insert statement(List<? extends Map<? extends Column<?>, ?>> chunk) {
        return base.columns(given.toArray(Column<?>[]::new)).values(chunk);
    }

    /**
     * An INSERT of {@code n} rows of placeholders; {@code sources} is filled with where each
     * placeholder's value sits (row within the statement, index into {@link #all}).
     */
    Insert template(int n, Map<Param<?>, SlotBinder.Source> sources) { return template(n, sources, null); }

    /**
     * {@link #template(int, Map)} for rows laid out wider than the statement: the value of the
     * {@code f}-th given column sits at {@code positions[f]} of each row (see {@link #usesPositions}).
     */
    Insert template(int n, Map<Param<?>, SlotBinder.Source> sources, int[] positions) {
        List<Object[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[all.length];
            for (int f = 0; f < all.length; f++) {
                Param<?> p = placeholder(all[f]);
                sources.put(p, new SlotBinder.Source(r, positions == null ? f : positions[f]));
                row[f] = p;
            }
            rows.add(row);
        }
        return base.columns(all).valuesMany(rows);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Param<?> placeholder(Column<?> c) { return new Param(null, c.type()); }

    /**
     * Rows {@code from} to {@code to} (exclusive) as value arrays aligned with {@link #all}: values
     * cast to the column types, defaults filled in (a supplier default is called once per row, as
     * {@link Insert} does). Null when a row holds an expression, which only the statement path can send.
     */
    Object[][] values(List<? extends Map<? extends Column<?>, ?>> rows, int from, int to) {
        Object[][] out = new Object[to - from][];
        int named = given.size();
        for (int r = from; r < to; r++) {
            Map<? extends Column<?>, ?> row = rows.get(r);
            if (row.size() != named) throw otherColumns(row, r);
            Object[] vals = new Object[all.length];
            for (int f = 0; f < all.length; f++) {
                if (f >= named) vals[f] = all[f].defaultValue();
                else if ((vals[f] = mapValue(row, f, r)) == EXPRESSION) return null;
            }
            out[r - from] = vals;
        }
        return out;
    }

    /**
     * Whether rows given with {@code positions} are bound as they are (laid out wider than the
     * statement, each value at its position): when no column is filled by a client-side default,
     * for which such a row has no slot. Otherwise {@link #arrayValues(List, int, int, int[])} makes
     * aligned rows.
     */
    boolean usesPositions(int[] positions) { return positions != null && all.length == given.size(); }

    /**
     * Rows {@code from} to {@code to} of rows laid out wider than the statement, the value of the
     * {@code f}-th given column at {@code positions[f]}: the rows themselves (or copies with values
     * cast) when {@link #usesPositions}, else aligned rows as {@link #arrayValues(List, int, int)} makes.
     */
    Object[][] arrayValues(List<Object[]> rows, int from, int to, int[] positions) {
        if (positions == null) return arrayValues(rows, from, to);
        if (!usesPositions(positions)) {
            List<Object[]> aligned = aligned(rows.subList(from, to), positions);
            return arrayValues(aligned, 0, aligned.size());
        }
        Object[][] out = new Object[to - from][];
        for (int r = from; r < to; r++) {
            Object[] row = rows.get(r), vals = row;
            for (int f = 0; f < positions.length; f++) {
                Object v = row[positions[f]], cast = fitted(f, v, r);
                if (cast == v) continue;
                if (cast == EXPRESSION) return null;
                if (vals == row) vals = row.clone(); // never change the caller's array
                vals[positions[f]] = cast;
            }
            out[r - from] = vals;
        }
        return out;
    }

    /**
     * Binds rows {@code from} to {@code to} (exclusive) straight from the caller's arrays: the value of
     * column {@code f} at {@code positions[f]} (or at {@code f}, each row then holding one value per
     * column), through {@code codecs[f]}, slot after slot, as a multi-row template of this plan
     * numbers them (see {@link SlotBinder#rowCodecs()}); a value not of its column's class is cast
     * as {@link #arrayValues} would. Only for a plan with {@link #givenOnly()}. False, with the rows
     * before it bound and nothing run, when a value is an expression: the statement path sends it.
     */
    boolean bindRows(java.sql.PreparedStatement ps, ValueCodec<Object>[] codecs, List<Object[]> rows,
                     int from, int to, int[] positions) throws java.sql.SQLException {
        int width = all.length, slot = 1;
        for (int r = from; r < to; r++) {
            Object[] row = rows.get(r);
            if (positions == null) checkLength(row, r);
            for (int f = 0; f < width; f++) {
                Object v = fitted(f, row[positions == null ? f : positions[f]], r);
                if (v == EXPRESSION) return false;
                codecs[f].bind(ps, slot++, v);
            }
        }
        return true;
    }

    /**
     * {@link #bindRows} for column → value maps ({@link org.athanor.core.engine.Connection#insertMany}): each row's values
     * looked up, checked and bound in one pass, without an array per row. False, nothing run, when a
     * value is an expression; a row naming other columns is an error naming it.
     */
    boolean bindMaps(java.sql.PreparedStatement ps, ValueCodec<Object>[] codecs, List<? extends Map<? extends Column<?>, ?>> rows,
                     int from, int to) throws java.sql.SQLException {
        int width = all.length, slot = 1;
        for (int r = from; r < to; r++) {
            Map<? extends Column<?>, ?> row = rows.get(r);
            if (row.size() != width) throw otherColumns(row, r);
            for (int f = 0; f < width; f++) {
                Object v = mapValue(row, f, r);
                if (v == EXPRESSION) return false;
                codecs[f].bind(ps, slot++, v);
            }
        }
        return true;
    }

    /**
     * Column {@code f}'s value in insertMany's row {@code r}, as the column's Java type (see
     * {@link #fitted}); the row having as many keys as there are columns, each column found means
     * the same key set, with one lookup per value.
     */
    private Object mapValue(Map<? extends Column<?>, ?> row, int f, int r) {
        Column<?> c = all[f];
        Object v = row.get(c);
        if (v == null && !row.containsKey(c)) throw otherColumns(row, r);
        return fitted(f, v, r, "insertMany");
    }

    /**
     * The codecs for binding full statements of {@code binder} straight from the rows
     * ({@link #bindRows}, {@link #bindMaps}), or null when the plan fills a column by a default or
     * the binder does not read each row's values in column order ({@code positions} for rows laid out
     * wider, else null).
     */
    ValueCodec<Object>[] directCodecs(SlotBinder binder, int[] positions) {
        int[] fields = positions;
        if (fields == null) {
            fields = new int[all.length];
            for (int f = 0; f < fields.length; f++) fields[f] = f;
        }
        return givenOnly() && binder.readsFields(fields) ? binder.rowCodecs() : null;
    }

    /** The values {@link #bindMaps} binds, in slot order (for the echo log). */
    List<Object> shownMaps(List<? extends Map<? extends Column<?>, ?>> rows, int from, int to) {
        List<Object> out = new ArrayList<>((to - from) * all.length);
        for (int r = from; r < to; r++) for (Column<?> c : all) out.add(rows.get(r).get(c));
        return out;
    }

    /** What {@link #fitted} gives for an expression, which only the statement path can send. */
    private static final Object EXPRESSION = new Object();

    /**
     * Value {@code v} of column {@code f} (in row {@code r}) as the column's Java type: itself when it
     * is null or of that class (the usual case), else cast, or an error naming the row and column;
     * {@link #EXPRESSION} for an expression.
     */
    private Object fitted(int f, Object v, int r) { return fitted(f, v, r, "insertRows"); }

    /** {@link #fitted(int, Object, int)}, an error naming {@code operation}. */
    private Object fitted(int f, Object v, int r, String operation) {
        if (v == null || v.getClass() == javaTypes[f]) return v;
        if (v instanceof Expression<?>) return EXPRESSION;
        try {
            return all[f].type().cast(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(operation + ": row " + r + ", column " + all[f] + ": " + e.getMessage(), e);
        }
    }

    /** The values {@link #bindRows} binds, in slot order (for the echo log). */
    List<Object> shown(List<Object[]> rows, int from, int to, int[] positions) {
        List<Object> out = new ArrayList<>((to - from) * all.length);
        for (int r = from; r < to; r++)
            for (int f = 0; f < all.length; f++) out.add(rows.get(r)[positions == null ? f : positions[f]]);
        return out;
    }


    /** Final classes whose values {@link #columnArrays} gathers into arrays of that class. */
    private static final java.util.Set<Class<?>> TYPED_ELEMENTS = java.util.Set.of(String.class, Long.class, Integer.class,
            Short.class, Double.class, Float.class, Boolean.class);

    /** Rejects a row of insertRows that does not hold one value per given column. */
    private void checkLength(Object[] row, int r) {
        if (row.length != given.size())
            throw new IllegalArgumentException("insertRows: row " + r + " has " + row.length + " values for the " + given.size() + " columns "
                    + given.stream().map(Column::name).toList());
    }

    /** Whether every column this plan inserts was given (none is filled by a client-side default). */
    boolean givenOnly() { return all.length == given.size(); }

    /**
     * Rows {@code from} to {@code to} as one array per given column (values cast to the column's
     * Java type where they differ), for {@link org.athanor.core.sql.Insert#columnArrays()}; null
     * when a value is an expression. {@code positions} as in {@link #arrayValues(List, int, int, int[])}.
     */
    Object[][] columnArrays(List<Object[]> rows, int from, int to, int[] positions) {
        Object[][] out = new Object[all.length][];
        // String[], Long[], ... rather than Object[]: a driver can tell the elements' type from the
        // array's class (pgjdbc then sends the array in binary instead of escaping a text literal);
        // fitted(...) has cast every value to exactly that final class
        for (int f = 0; f < all.length; f++)
            out[f] = TYPED_ELEMENTS.contains(javaTypes[f]) ? (Object[]) java.lang.reflect.Array.newInstance(javaTypes[f], to - from)
                    : new Object[to - from];
        for (int r = from; r < to; r++) {
            Object[] row = rows.get(r);
            if (positions == null) checkLength(row, r);
            for (int f = 0; f < all.length; f++) {
                Object v = fitted(f, row[positions == null ? f : positions[f]], r);
                if (v == EXPRESSION) return null;
                out[f][r - from] = v;
            }
        }
        return out;
    }

    /** Rows laid out wider than the statement, as rows of just the given columns' values ({@code row[positions[f]]}). */
    static List<Object[]> aligned(List<Object[]> rows, int[] positions) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] a = new Object[positions.length];
            for (int f = 0; f < a.length; f++) a[f] = row[positions[f]];
            out.add(a);
        }
        return out;
    }

    /**
     * Rows {@code from} to {@code to} (exclusive) of value arrays aligned with the given columns, as
     * arrays aligned with {@link #all} (see {@link #values(List, int, int)}); null when a row holds an
     * expression. A row that already has the right length and needs no cast or default is used as is.
     * Every row is checked even after an expression, so that errors name the row on the statement path
     * too; defaults are computed only once no row holds one (the statement path computes its own).
     */
    Object[][] arrayValues(List<Object[]> rows, int from, int to) {
        Object[][] out = new Object[to - from][];
        boolean expression = false;
        int named = given.size();
        for (int r = from; r < to; r++) {
            Object[] row = rows.get(r);
            checkLength(row, r);
            Object[] vals = named == all.length ? row : new Object[all.length];
            for (int f = 0; f < named; f++) {
                Object v = row[f], cast = fitted(f, v, r);
                if (cast == EXPRESSION) { expression = true; continue; }
                if (cast != v && vals == row) vals = row.clone(); // never change the caller's array
                if (vals != row) vals[f] = cast;
            }
            out[r - from] = vals;
        }
        if (expression) return null;
        if (named < all.length) for (Object[] vals : out) for (int f = named; f < all.length; f++) vals[f] = all[f].defaultValue();
        return out;
    }

    private IllegalArgumentException otherColumns(Map<? extends Column<?>, ?> row, int index) {
        return new IllegalArgumentException("every row of a multi-row insert must name the same columns "
                + given.stream().map(Column::name).toList() + "; got " + row.keySet().stream().map(Column::name).toList()
                + " in row " + index);
    }
}
