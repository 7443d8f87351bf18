package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;

/**
 * A {@code VALUES} table constructor usable in FROM and joins, with named, typed columns (SQLAlchemy's
 * {@code values()}). Java values are bound as parameters typed by their column.
 *
 * <pre>{@code
 * Values codes = values("codes").column("id", INTEGER).column("label", TEXT).row(1, "one").row(2, "two").build();
 * select(USERS.NAME, codes.column("label", String.class)).from(USERS).join(codes, USERS.AGE.eq(codes.column("id", Integer.class)));
 * }</pre>
 *
 * PostgreSQL renders {@code (VALUES (?, ?), (?, ?)) AS codes (id, label)}; databases without a column
 * list on a derived table render the same rows as {@code (SELECT ? AS id, ? AS label UNION ALL SELECT ?, ?) AS codes}.
 */
public final class Values extends Table {
    private final List<List<Expression<?>>> rows;

    private Values(String name, List<String> names, List<SqlType<?>> types, List<List<Expression<?>>> rows) {
        super(name);
        for (int i = 0; i < names.size(); i++) addColumn(this, names.get(i), types.get(i));
        this.rows = rows;
    }

    /** Starts a VALUES table named {@code name} (the name FROM gives it). */
    public static Builder named(String name) { return new Builder(name, List.of(), List.of(), List.of()); }

    /** The rows, one expression per column. */
    public List<List<Expression<?>>> rows() { return rows; }

    @Override public boolean isDerived() { return true; }

    /** The same rows under another name. */
    @Override
    public Values as(String alias) {
        List<String> names = new ArrayList<>();
        List<SqlType<?>> types = new ArrayList<>();
        for (Column<?> c : columns()) { names.add(c.name()); types.add(c.type()); }
        return new Values(alias, names, types, rows);
    }

    @Override public void accept(SqlVisitor c) { c.visitValues(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(Values.class);
        k.add(name());
        declareName(k);
        k.add(columns().size());
        for (Column<?> c : columns()) { k.add(c.name()); k.add(c.type()); }
        k.add(rows.size());
        for (List<Expression<?>> row : rows) for (Expression<?> e : row) e.key(k);
    }

    /** An immutable builder: each call returns a new one. */
    public static final class Builder {
        private final String name;
        private final List<String> names;
        private final List<SqlType<?>> types;
        private final List<List<Expression<?>>> rows;

        private Builder(String name, List<String> names, List<SqlType<?>> types, List<List<Expression<?>>> rows) {
            this.name = name;
            this.names = names;
            this.types = types;
            this.rows = rows;
        }

        /** Declares the next column; declare every column before the first row. */
        public Builder column(String columnName, SqlType<?> type) {
            if (!rows.isEmpty()) throw new IllegalStateException("values(" + name + "): declare the columns before the rows");
            if (names.contains(columnName)) throw new IllegalArgumentException("values(" + name + ") declares column '" + columnName + "' twice");
            List<String> n = new ArrayList<>(names);
            n.add(columnName);
            List<SqlType<?>> t = new ArrayList<>(types);
            t.add(type);
            return new Builder(name, List.copyOf(n), List.copyOf(t), rows);
        }

        /** Adds a row: one value per column, in order; an Expression is used as it is, anything else is bound. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Builder row(Object... values) {
            if (names.isEmpty()) throw new IllegalStateException("values(" + name + "): declare the columns before the rows");
            if (values.length != names.size())
                throw new IllegalArgumentException("values(" + name + ") has " + names.size() + " columns, the row " + values.length + " values");
            List<Expression<?>> row = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                SqlType type = types.get(i);
                row.add(values[i] instanceof Expression<?> e ? e : new Param<>(type.cast(values[i]), type));
            }
            List<List<Expression<?>>> r = new ArrayList<>(rows);
            r.add(List.copyOf(row));
            return new Builder(name, names, types, List.copyOf(r));
        }

        /** The VALUES table; it needs at least one row. */
        public Values build() {
            if (rows.isEmpty()) throw new IllegalStateException("values(" + name + ") has no rows; add them with row(...)");
            return new Values(name, names, types, rows);
        }
    }
}
