package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * An immutable INSERT: one row ({@link #set}), many rows as multi-row VALUES
 * ({@link #columns} + {@link #values}), {@link #defaultValues()}, or {@link #fromSelect}.
 *
 * <pre>{@code
 * insert(USERS).set(USERS.NAME, "Alice").set(USERS.AGE, 30)
 * insert(USERS).columns(USERS.NAME, USERS.AGE).values("Bob", 25).values("Carol", 41)
 * }</pre>
 *
 * Columns with a client-side {@code defaultValue(...)} that a row leaves out are filled in.
 */
public final class Insert implements Dml, Cloneable {
    private final Table table;
    private List<Column<?>> columns = List.of();
    private List<List<Expression<?>>> rows = List.of();
    private boolean defaultValues;
    private Select<?> select;
    private List<Expression<?>> returning = List.of();
    private Extension onConflict;
    private boolean inRowOrder;
    private boolean columnArrays;
    private List<Column<?>> effectiveColumns;
    private List<List<Expression<?>>> effectiveRows;

    Insert(Table table) {
        if (table.isDerived() || table.alias() != null)
            throw new IllegalArgumentException("insert() needs a table, not an alias or subquery: " + table);
        this.table = table;
    }

    private Insert copy() {
        try {
            Insert s = (Insert) super.clone();
            s.effectiveColumns = null;
            s.effectiveRows = null;
            return s;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override public Table table() { return table; }
    /** The inserted columns, with columns filled by client-side defaults appended. */
    public List<Column<?>> columns() { applyDefaults(); return effectiveColumns; }
    /** The VALUES rows, each aligned with {@link #columns()}, defaults filled in. */
    public List<List<Expression<?>>> rows() { applyDefaults(); return effectiveRows; }
    public boolean isDefaultValues() { return defaultValues; }
    public Select<?> select() { return select; }
    @Override public List<Expression<?>> returningColumns() { return returning; }
    /** The upsert clause a dialect module attached, or null. */
    public Extension onConflictClause() { return onConflict; }

    /** Sets one column of a single-row insert. */
    public <T> Insert set(Column<T> column, T value) { return set(column, column.bind(value)); }

    public <T> Insert set(Column<T> column, Expression<? extends T> value) {
        checkOwn(column);
        if (rows.size() > 1) throw new IllegalStateException("set() builds a single-row insert; this one has " + rows.size() + " rows");
        Insert s = copy();
        List<Column<?>> cols = new ArrayList<>(columns);
        List<Expression<?>> row = rows.isEmpty() ? new ArrayList<>() : new ArrayList<>(rows.get(0));
        int at = cols.indexOf(column);
        if (at >= 0) row.set(at, value);
        else { cols.add(column); row.add(value); }
        s.columns = List.copyOf(cols);
        s.rows = List.of(Collections.unmodifiableList(row));
        return s;
    }

    /** Names the columns that following {@link #values} rows fill, in order. */
    public Insert columns(Column<?>... cols) {
        for (Column<?> c : cols) checkOwn(c);
        if (!rows.isEmpty()) throw new IllegalStateException("columns() must come before values()");
        Insert s = copy();
        s.columns = List.of(cols);
        return s;
    }

    /** Adds a row: one value per column named by {@link #columns}; values may be expressions. */
    public Insert values(Object... values) { return addRow(boundRow(values)); }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Expression<?>> boundRow(Object... values) {
        if (columns.isEmpty()) throw new IllegalStateException("values(...) needs columns(...) first, on table " + table.name());
        if (values.length != columns.size())
            throw new IllegalArgumentException("values() got " + values.length + " values for " + columns.size() + " columns "
                    + columns.stream().map(Column::name).toList() + " of table " + table.name());
        List<Expression<?>> row = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            row.add(values[i] instanceof Expression<?> e ? e : c.bind(values[i]));
        }
        return row;
    }

    /** Adds a row given as column → value. All rows of one insert must name the same columns. */
    public Insert values(Map<? extends Column<?>, ?> row) {
        Insert s = this;
        if (columns.isEmpty()) s = columns(row.keySet().toArray(Column<?>[]::new));
        return s.addRow(s.boundRow(row));
    }

    private List<Expression<?>> boundRow(Map<? extends Column<?>, ?> row) {
        Object[] vals = new Object[columns.size()];
        if (row.size() != columns.size() || !row.keySet().containsAll(columns))
            throw new IllegalArgumentException("every row of a multi-row insert must name the same columns " + columns.stream().map(Column::name).toList()
                    + "; got " + row.keySet().stream().map(Column::name).toList());
        for (int i = 0; i < vals.length; i++) vals[i] = row.get(columns.get(i));
        return boundRow(vals);
    }

    /** Adds many rows given as column → value maps (one copy of the row list, not one per row). */
    public Insert values(List<? extends Map<? extends Column<?>, ?>> many) {
        if (many.isEmpty()) return this;
        Insert s = columns.isEmpty() ? columns(many.get(0).keySet().toArray(Column<?>[]::new)) : this;
        List<List<Expression<?>>> r = new ArrayList<>(s.rows.size() + many.size());
        r.addAll(s.rows);
        for (Map<? extends Column<?>, ?> m : many) r.add(Collections.unmodifiableList(s.boundRow(m)));
        Insert out = s.copy();
        out.rows = Collections.unmodifiableList(r);
        return out;
    }

    /**
     * Adds many rows at once, each one value per column named by {@link #columns} (values may be
     * expressions). Linear in the number of rows, unlike repeated {@link #values(Object...)} calls:
     * for the ORM's batched flush and other bulk builders.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Insert valuesMany(List<Object[]> many) {
        if (columns.isEmpty()) throw new IllegalStateException("valuesMany(...) needs columns(...) first, on table " + table.name());
        List<List<Expression<?>>> r = new ArrayList<>(rows.size() + many.size());
        r.addAll(rows);
        for (Object[] values : many) {
            if (values.length != columns.size())
                throw new IllegalArgumentException("valuesMany() got a row of " + values.length + " values for " + columns.size()
                        + " columns " + columns.stream().map(Column::name).toList() + " of table " + table.name());
            List<Expression<?>> row = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                Column c = columns.get(i);
                row.add(values[i] instanceof Expression<?> e ? e : c.bind(values[i]));
            }
            r.add(Collections.unmodifiableList(row));
        }
        Insert s = copy();
        s.rows = Collections.unmodifiableList(r);
        return s;
    }

    private Insert addRow(List<Expression<?>> row) {
        Insert s = copy();
        List<List<Expression<?>>> r = new ArrayList<>(rows.size() + 1);
        r.addAll(rows);
        r.add(Collections.unmodifiableList(row));
        s.rows = Collections.unmodifiableList(r);
        return s;
    }

    /**
     * Computes the columns and rows with client-side defaults for columns the rows leave out, once per
     * statement (a supplier default is evaluated once per Insert value, then both key and SQL agree).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void applyDefaults() {
        if (effectiveRows != null) return;
        List<Column<?>> missing = new ArrayList<>();
        if (select == null && !defaultValues)
            for (Column<?> c : table.columns()) if (c.hasDefault() && !columns.contains(c)) missing.add(c);
        if (missing.isEmpty() || rows.isEmpty()) {
            effectiveColumns = columns;
            effectiveRows = rows;
            return;
        }
        List<Column<?>> cols = new ArrayList<>(columns);
        cols.addAll(missing);
        List<List<Expression<?>>> r = new ArrayList<>(rows.size());
        for (List<Expression<?>> row : rows) {
            List<Expression<?>> nr = new ArrayList<>(row);
            for (Column c : missing) nr.add(c.bind(c.defaultValue()));
            r.add(Collections.unmodifiableList(nr));
        }
        effectiveColumns = List.copyOf(cols);
        effectiveRows = Collections.unmodifiableList(r);
    }

    /** {@code INSERT INTO t DEFAULT VALUES}. */
    public Insert defaultValues() {
        Insert s = copy();
        s.defaultValues = true;
        return s;
    }

    /** {@code INSERT INTO t (cols) SELECT ...}. */
    public Insert fromSelect(List<Column<?>> cols, Select<?> query) {
        for (Column<?> c : cols) checkOwn(c);
        if (cols.size() != query.columns().size())
            throw new IllegalArgumentException("fromSelect: " + cols.size() + " columns but the select has " + query.columns().size());
        Insert s = copy();
        s.columns = List.copyOf(cols);
        s.select = query;
        return s;
    }

    /**
     * The portable upsert: {@code .onConflict(USERS.EMAIL).doUpdate(USERS.NAME)} or {@code .doNothing()}
     * (see {@link OnConflict}).
     */
    public OnConflict.Builder onConflict(Column<?>... keys) { return new OnConflict.Builder(this, List.of(keys)); }

    /** Attaches an upsert clause built by {@link Sql}'s portable onConflict or by a dialect module. */
    public Insert withOnConflict(Extension clause) {
        Insert s = copy();
        s.onConflict = clause;
        return s;
    }

    /** {@code ... RETURNING cols}: executing yields rows (emulated where the database lacks RETURNING only via the Engine's key APIs). */
    public Returning<Row> returning(Expression<?>... cols) {
        Insert s = copy();
        s.returning = List.of(cols);
        return new Returning<>(s, RowKind.ROW);
    }

    private void checkOwn(Column<?> c) {
        if (c.table() != table)
            throw new IllegalArgumentException("column " + c + " does not belong to table " + table.name());
    }

    @Override public void accept(SqlVisitor c) { c.visitInsert(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(Insert.class);
        table.key(k);
        k.add(defaultValues);
        List<List<Expression<?>>> rs = rows();
        k.list(columns());
        k.add(rs.size());
        for (List<Expression<?>> row : rs) for (Expression<?> e : row) e.key(k);
        k.opt(select);
        k.list(returning);
        k.opt(onConflict);
        k.add(inRowOrder);
        k.add(columnArrays);
    }

    /**
     * Asks that the rows of a multi-row VALUES be inserted in their order where the database does
     * not promise it for a plain VALUES list: on PostgreSQL the statement is rendered as
     * {@code INSERT INTO t (a, b) SELECT ... FROM (VALUES (CAST(? AS ...), ..., 0), ...) AS ... ORDER BY}
     * the row number, which PostgreSQL inserts in that order (so identity and serial keys grow in row
     * order: SQLAlchemy's "insertmanyvalues" uses the same form). Elsewhere it changes nothing.
     */
    public Insert inRowOrder() {
        Insert s = copy();
        s.inRowOrder = true;
        return s;
    }

    /** Whether {@link #inRowOrder()} was asked for. */
    public boolean isInRowOrder() { return inRowOrder; }

    /**
     * For a bulk insert with {@link org.athanor.core.compile.DialectFeatures#insertFromArrays()}:
     * this insert's one row holds, for each column, a parameter bound to an array of that column's
     * values, and the rows are read from the arrays in order:
     * {@code INSERT INTO t (a, b) SELECT p0, p1 FROM unnest(CAST(? AS ...[]), CAST(? AS ...[])) WITH ORDINALITY AS ... ORDER BY n}.
     * Two parameters for any number of rows, and one SQL text for every chunk size.
     * {@link org.athanor.core.engine.Connection#insertRows} uses it where it can; the caller of
     * this method binds the arrays itself (the parameters' values are ignored).
     */
    public Insert columnArrays() {
        if (rows.size() != 1) throw new IllegalStateException("columnArrays() needs exactly one row of parameters; this insert has " + rows.size());
        Insert s = copy();
        s.columnArrays = true;
        s.inRowOrder = true;
        return s;
    }

    /** Whether {@link #columnArrays()} was asked for. */
    public boolean isColumnArrays() { return columnArrays; }

    @Override public String toString() { return Sql.render(this); }

    /** A map of column to value that keeps insertion order, for {@link #values(Map)}. */
    public static Map<Column<?>, Object> row(Object... columnValuePairs) {
        if (columnValuePairs.length % 2 != 0) throw new IllegalArgumentException("row() takes column, value pairs");
        Map<Column<?>, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columnValuePairs.length; i += 2) m.put((Column<?>) columnValuePairs[i], columnValuePairs[i + 1]);
        return m;
    }

    static List<Column<?>> asList(Column<?>... cols) { return Arrays.asList(cols); }
}
