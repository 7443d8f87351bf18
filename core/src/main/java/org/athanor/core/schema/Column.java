package org.athanor.core.schema;

import java.util.Objects;
import java.util.function.Supplier;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.SqlVisitor;
import org.athanor.core.sql.Expression;
import org.athanor.core.type.SqlType;

/**
 * A column of a {@link Table} (or of an alias or derived table). As an {@link Expression} it renders
 * qualified by its table's name or alias. Columns compare by identity.
 */
public final class Column<T> implements Expression<T> {
    private final Table table;
    private final String name;
    private final SqlType<T> type;
    private final boolean primaryKey;
    private final boolean autoincrement;
    private final boolean nullable;
    private final boolean unique;
    private final boolean indexed;
    private final Object defaultValue;
    private final Supplier<?> defaultSupplier;
    private final String serverDefault;
    private final String check;
    private final ColumnOption.Computed computed;
    private final String comment;
    private final String ddlType;
    private final int position;

    Column(Table table, String name, SqlType<T> type, int position, ColumnOption... options) {
        this.table = table;
        this.name = Objects.requireNonNull(name, "column name");
        if (name.isEmpty()) throw new IllegalArgumentException("column name must not be empty (table " + table.name() + ")");
        this.type = Objects.requireNonNull(type, () -> "type of column " + name);
        this.position = position;
        boolean pk = false, auto = false, uniq = false, idx = false;
        Boolean explicitNullable = null;
        Object dv = null;
        Supplier<?> ds = null;
        String sd = null, ck = null, cm = null, dt = null;
        ColumnOption.Computed cp = null;
        for (ColumnOption o : options) {
            if (o instanceof ColumnOption.PrimaryKey) pk = true;
            else if (o instanceof ColumnOption.Autoincrement) auto = true;
            else if (o instanceof ColumnOption.Nullable n) explicitNullable = n.nullable();
            else if (o instanceof ColumnOption.Unique) uniq = true;
            else if (o instanceof ColumnOption.Indexed) idx = true;
            else if (o instanceof ColumnOption.Default d) { dv = d.value(); ds = d.supplier(); }
            else if (o instanceof ColumnOption.ServerDefault s) sd = s.sql();
            else if (o instanceof ColumnOption.Check c) ck = c.sql();
            else if (o instanceof ColumnOption.Computed c) cp = c;
            else if (o instanceof ColumnOption.Comment c) cm = c.text();
            else if (o instanceof ColumnOption.DdlType d) dt = d.sql();
            else if (o instanceof ColumnOption.References r) table.addColumnReference(this, r);
        }
        if (auto && !type.kind().isNumeric())
            throw new IllegalArgumentException("column " + table.name() + "." + name + " is autoincrement but its type "
                    + type + " is not an integer type");
        this.primaryKey = pk;
        this.autoincrement = auto;
        this.nullable = explicitNullable != null ? explicitNullable : !pk;
        if (pk && this.nullable)
            throw new IllegalArgumentException("primary key column " + table.name() + "." + name + " cannot be nullable");
        this.unique = uniq;
        this.indexed = idx;
        this.defaultValue = dv == null ? null : type.cast(dv);
        this.defaultSupplier = ds;
        this.serverDefault = sd;
        this.check = ck;
        if (cp != null && (sd != null || dv != null || ds != null || auto))
            throw new IllegalArgumentException("computed column " + table.name() + "." + name + " cannot also have a default or autoincrement");
        this.computed = cp;
        this.comment = cm;
        this.ddlType = dt;
    }

    /** The table, alias or derived table this column belongs to. */
    public Table table() { return table; }
    public String name() { return name; }
    @Override public SqlType<T> type() { return type; }
    /** Zero-based position in the table. */
    public int position() { return position; }
    public boolean isPrimaryKey() { return primaryKey || table.primaryKeyColumns().contains(this); }
    public boolean isAutoincrement() { return autoincrement; }
    public boolean isNullable() { return nullable && !isPrimaryKey(); }
    public boolean isUnique() { return unique; }
    public boolean isIndexed() { return indexed; }
    public boolean hasDefault() { return defaultValue != null || defaultSupplier != null; }
    /** The client-side default for a new row, or null. */
    public T defaultValue() { return defaultSupplier != null ? type.cast(defaultSupplier.get()) : type.cast(defaultValue); }
    public String serverDefault() { return serverDefault; }
    public String check() { return check; }
    /** The computed-column definition ({@code GENERATED ALWAYS AS (...)}), or null. */
    public ColumnOption.Computed computed() { return computed; }
    public String comment() { return comment; }
    /** The SQL type CREATE TABLE spells for this column instead of the dialect's, or null (see {@link ColumnOption.DdlType}). */
    public String ddlType() { return ddlType; }

    boolean declaredPrimaryKey() { return primaryKey; }

    @Override public void accept(SqlVisitor c) { c.visitColumn(this); }
    @Override
    public void key(KeyBuilder k) {
        // A derived table's column may be all that names it (FROM inferred from the columns): its
        // structure and bind parameters must join the key, and equal subqueries share one key. A column
        // of an alias is its name in that alias, so equal aliases built twice share one key too
        // (an anonymous alias by its position in the statement, see Table#anonymous).
        if (table.isDerived() || table.alias() != null) { k.add(Column.class); k.add(name); table.key(k); }
        else k.add(this);
    }
    @Override public String toString() { return table.alias() != null ? table.alias() + "." + name : table.name() + "." + name; }
}
