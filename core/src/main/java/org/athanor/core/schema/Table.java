package org.athanor.core.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.SqlVisitor;
import org.athanor.core.sql.FromItem;
import org.athanor.core.type.SqlType;

/**
 * A table. Typed tables are subclasses whose instance fields are their columns:
 *
 * <pre>{@code
 * public final class Users extends Table {
 *     public static final Users USERS = new Users();
 *     public final Column<Long>   ID   = column("id", BIGINT, primaryKey(), autoincrement());
 *     public final Column<String> NAME = column("name", varchar(50), notNull());
 *     private Users() { super("users"); }
 *     private Users(String alias) { super(USERS, alias); }
 *     @Override public Users as(String alias) { return new Users(alias); }
 * }
 * }</pre>
 *
 * Scripts use the untyped form: {@code Table.of("users", col("id", BIGINT, primaryKey()), ...)}.
 * A table is mutable only while its constructor runs; afterwards it is an immutable value.
 */
public class Table implements FromItem {
    private final String schema;
    private final String name;
    private final String alias;
    /** What this table adds to a statement's cache key: itself, or for an alias an {@link AliasKey}. */
    private final Object keyToken;
    private final List<Column<?>> columns = new ArrayList<>();
    private final Map<String, Column<?>> byName = new HashMap<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private List<Column<?>> explicitPrimaryKey;
    private volatile List<Column<?>> primaryKeyCache;
    private String comment;
    /** For an anonymous alias ({@link #anonymous()}): the table it aliases; else null. */
    private Table anonymousOf;
    /** Whether this table's FROM name could be an anonymous alias's ({@code anon_...}): only then does its key walk declare it. */
    private final boolean anonLikeName;

    protected Table(String name) { this((String) null, name); }

    protected Table(String schema, String name) {
        this.schema = schema;
        this.name = requireName(name);
        this.alias = null;
        this.keyToken = this;
        this.anonLikeName = anonLike(name);
    }

    /** An alias of {@code of}: same table, another name in FROM. Subclasses re-declare their columns. */
    protected Table(Table of, String alias) {
        this.schema = of.schema;
        this.name = of.name;
        this.alias = requireName(alias);
        this.keyToken = new AliasKey(of.keyToken instanceof AliasKey a ? a.root() : of, getClass(), alias);
        this.anonLikeName = anonLike(alias);
    }

    private static boolean anonLike(String n) { return n.length() > 5 && n.regionMatches(true, 0, "anon_", 0, 5); }

    /**
     * Declares this table's FROM name (its alias, else its name) to a key walk when an anonymous alias could be given
     * it ({@link KeyBuilder#declares}); derived tables call it from their own key. Checked once at construction, so
     * the walk of an ordinary table pays one field read.
     */
    protected final void declareName(KeyBuilder k) { if (anonLikeName) k.declares(alias != null ? alias : name); }

    /** {@link #declareName(KeyBuilder)} for a name that is not this table's (a CTE's definition). */
    protected static void declareName(KeyBuilder k, String fromName) { if (anonLike(fromName)) k.declares(fromName); }

    /**
     * The cache-key token of an alias: aliases of one table (the same Table object, followed through
     * aliases of aliases) with one name, made by one class, render the same SQL with the same column
     * types, so a statement over {@code USERS.as("a")} built again with a fresh alias finds the SQL
     * compiled for the first (the ORM builds its aliased joins anew for every query). Two different
     * Table objects never share a key, even for one database table: their columns may differ.
     */
    private record AliasKey(Table root, Class<?> type, String alias) {}

    private static String requireName(String n) {
        if (n == null || n.isEmpty()) throw new IllegalArgumentException("a table name or alias must be a non-empty string");
        return n;
    }

    // ---- declaring columns and constraints ---------------------------------------------------

    /** Declares a column; call from a field initializer. */
    protected final <T> Column<T> column(String columnName, SqlType<T> type, ColumnOption... options) {
        if (byName.containsKey(columnName))
            throw new IllegalArgumentException("table " + name + " declares column '" + columnName + "' twice");
        Column<T> c = new Column<>(this, columnName, type, columns.size(), options);
        columns.add(c);
        byName.put(columnName, c);
        primaryKeyCache = null;
        return c;
    }

    void addColumnReference(Column<?> col, ColumnOption.References r) {
        Supplier<Column<?>> t = r.target();
        foreignKeys.add(new ForeignKey(this, List.of(col), () -> List.of(t.get()),
                r.onDelete(), r.onUpdate(), r.name()));
    }

    /** A composite primary key, in the given column order. */
    protected final void primaryKey(Column<?> first, Column<?>... rest) {
        List<Column<?>> pk = new ArrayList<>();
        pk.add(first);
        Collections.addAll(pk, rest);
        explicitPrimaryKey = List.copyOf(pk);
        primaryKeyCache = null;
    }

    /** A multi-column foreign key. */
    protected final void foreignKey(List<Column<?>> localColumns, Supplier<List<Column<?>>> target,
                                    ReferentialAction onDelete, ReferentialAction onUpdate) {
        foreignKeys.add(new ForeignKey(this, localColumns, target, onDelete, onUpdate, null));
    }

    protected final void uniqueConstraint(Column<?>... cols) { uniques.add(new UniqueConstraint(null, List.of(cols))); }

    protected final void uniqueConstraint(String constraintName, Column<?>... cols) {
        uniques.add(new UniqueConstraint(constraintName, List.of(cols)));
    }

    protected final void index(String indexName, Column<?>... cols) { indexes.add(new Index(indexName, this, List.of(cols), false)); }

    protected final void uniqueIndex(String indexName, Column<?>... cols) { indexes.add(new Index(indexName, this, List.of(cols), true)); }

    protected final void check(String constraintName, String sql) { checks.add(new CheckConstraint(constraintName, sql)); }

    protected final void tableComment(String text) { this.comment = text; }

    // ---- column options (SQLAlchemy's Column keywords) --------------------------------------------

    protected static ColumnOption primaryKey() { return new ColumnOption.PrimaryKey(); }
    protected static ColumnOption autoincrement() { return new ColumnOption.Autoincrement(); }
    protected static ColumnOption notNull() { return new ColumnOption.Nullable(false); }
    protected static ColumnOption nullable() { return new ColumnOption.Nullable(true); }
    protected static ColumnOption unique() { return new ColumnOption.Unique(); }
    protected static ColumnOption index() { return new ColumnOption.Indexed(); }
    protected static ColumnOption defaultValue(Object value) { return new ColumnOption.Default(value, null); }
    protected static ColumnOption defaultValue(Supplier<?> supplier) { return new ColumnOption.Default(null, supplier); }
    protected static ColumnOption serverDefault(String sql) { return new ColumnOption.ServerDefault(sql); }
    protected static ColumnOption check(String sql) { return new ColumnOption.Check(sql); }
    /** A computed column, {@code GENERATED ALWAYS AS (sql)}, stored or virtual as the database prefers; see {@link ColumnOption.Computed}. */
    protected static ColumnOption computed(String sql) { return new ColumnOption.Computed(sql, null); }
    /** A computed column, {@code GENERATED ALWAYS AS (sql) STORED} when {@code stored}, else {@code VIRTUAL}. */
    protected static ColumnOption computed(String sql, boolean stored) { return new ColumnOption.Computed(sql, stored); }
    protected static ColumnOption comment(String text) { return new ColumnOption.Comment(text); }
    /** The column's type in DDL spelled as given, overriding the dialect's; see {@link ColumnOption.DdlType}. */
    protected static ColumnOption ddlType(String sql) { return new ColumnOption.DdlType(sql); }
    protected static ColumnOption.References references(Column<?> target) {
        Objects.requireNonNull(target, "references(column): the target column is null; if it is declared later "
                + "or in the same table, use references(() -> TABLE.COLUMN)");
        return new ColumnOption.References(() -> target, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, null);
    }
    protected static ColumnOption.References references(Supplier<Column<?>> target) {
        return new ColumnOption.References(target, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, null);
    }

    // ---- the untyped form --------------------------------------------------------------------------

    /** A column declaration for {@link #of}. */
    public record ColumnSpec(String name, SqlType<?> type, ColumnOption[] options) {}

    public static ColumnSpec col(String name, SqlType<?> type, ColumnOption... options) { return new ColumnSpec(name, type, options); }

    /** An untyped table for scripts: columns are read back with {@link #column(String, Class)}. */
    public static Table of(String name, ColumnSpec... specs) { return of(null, name, specs); }

    public static Table of(String schema, String name, ColumnSpec... specs) {
        Table t = new Table(schema, name);
        for (ColumnSpec s : specs) t.column(s.name(), s.type(), s.options());
        return t;
    }

    /** Options for {@link #col}, for code outside a Table subclass. */
    public static final class Options {
        private Options() {}
        public static ColumnOption primaryKey() { return Table.primaryKey(); }
        public static ColumnOption autoincrement() { return Table.autoincrement(); }
        public static ColumnOption notNull() { return Table.notNull(); }
        public static ColumnOption nullable() { return Table.nullable(); }
        public static ColumnOption unique() { return Table.unique(); }
        public static ColumnOption index() { return Table.index(); }
        public static ColumnOption defaultValue(Object v) { return Table.defaultValue(v); }
        public static ColumnOption serverDefault(String sql) { return Table.serverDefault(sql); }
        public static ColumnOption check(String sql) { return Table.check(sql); }
        public static ColumnOption ddlType(String sql) { return Table.ddlType(sql); }
        public static ColumnOption computed(String sql) { return Table.computed(sql); }
        public static ColumnOption computed(String sql, boolean stored) { return Table.computed(sql, stored); }
        public static ColumnOption.References references(Column<?> c) { return Table.references(c); }
        public static ColumnOption.References references(Supplier<Column<?>> c) { return Table.references(c); }
    }

    /** Adds a column to an untyped table while it is being built (reflection, ORM mapping). */
    public static <T> Column<T> addColumn(Table table, String name, SqlType<T> type, ColumnOption... options) {
        return table.column(name, type, options);
    }

    /** Builder hooks for code that assembles untyped tables (reflection, the ORM's mapper). */
    public static void addPrimaryKey(Table t, List<Column<?>> cols) {
        t.explicitPrimaryKey = List.copyOf(cols);
        t.primaryKeyCache = null;
    }

    public static void addForeignKey(Table t, List<Column<?>> local, Supplier<List<Column<?>>> target,
                                     ReferentialAction onDelete, ReferentialAction onUpdate, String name) {
        t.foreignKeys.add(new ForeignKey(t, local, target, onDelete, onUpdate, name));
    }

    public static void addIndex(Table t, String name, List<Column<?>> cols, boolean unique) {
        t.indexes.add(new Index(name, t, cols, unique));
    }

    public static void addUnique(Table t, String name, List<Column<?>> cols) { t.uniques.add(new UniqueConstraint(name, cols)); }

    public static Table create(String schema, String name) { return new Table(schema, name); }

    // ---- reading ---------------------------------------------------------------------------------

    /** The table's name in the database (never the alias). */
    public String name() { return name; }
    /** The schema, or null for the connection's default. */
    public String schema() { return schema; }
    /** The alias in FROM, or null. */
    public String alias() { return alias; }
    /** How columns are qualified: the alias if any, else the name. */
    public String qualifier() { return alias != null ? alias : name; }
    public String comment() { return comment; }
    public List<Column<?>> columns() { return Collections.unmodifiableList(columns); }

    /** The column named {@code columnName}; an error lists the columns there are. */
    public Column<?> column(String columnName) {
        Column<?> c = byName.get(columnName);
        if (c == null) {
            for (Column<?> x : columns) if (x.name().equalsIgnoreCase(columnName)) return x;
            throw new IllegalArgumentException("table " + name + " has no column '" + columnName + "'; its columns are "
                    + columns.stream().map(Column::name).toList());
        }
        return c;
    }

    /** The column named {@code columnName}, checked to hold values of {@code javaType}. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> column(String columnName, Class<T> javaType) {
        Column<?> c = column(columnName);
        if (!javaType.isAssignableFrom(c.type().javaType()))
            throw new IllegalArgumentException("column " + name + "." + columnName + " holds " + c.type().javaType().getName()
                    + " (" + c.type() + "), not " + javaType.getName());
        return (Column<T>) c;
    }

    public boolean hasColumn(String columnName) { return byName.containsKey(columnName); }

    /** The primary key columns, in key order (empty when the table has none). */
    public List<Column<?>> primaryKeyColumns() {
        List<Column<?>> pk = primaryKeyCache;
        if (pk == null) {
            if (explicitPrimaryKey != null) pk = explicitPrimaryKey;
            else {
                List<Column<?>> l = new ArrayList<>();
                for (Column<?> c : columns) if (c.declaredPrimaryKey()) l.add(c);
                pk = List.copyOf(l);
            }
            primaryKeyCache = pk;
        }
        return pk;
    }

    public List<ForeignKey> foreignKeys() { return Collections.unmodifiableList(foreignKeys); }

    /** Indexes declared on the table and by {@code index()} on columns. */
    public List<Index> indexes() {
        List<Index> all = new ArrayList<>(indexes);
        for (Column<?> c : columns)
            if (c.isIndexed()) all.add(new Index("ix_" + name + "_" + c.name(), this, List.of(c), false));
        return all;
    }

    /** Unique constraints declared on the table and by {@code unique()} on columns. */
    public List<UniqueConstraint> uniqueConstraints() {
        List<UniqueConstraint> all = new ArrayList<>(uniques);
        for (Column<?> c : columns) if (c.isUnique()) all.add(new UniqueConstraint(null, List.of(c)));
        return all;
    }

    public List<CheckConstraint> checks() { return Collections.unmodifiableList(checks); }

    /** True when both are the same database table (an alias matches its table). */
    public boolean sameTableAs(Table other) {
        return name.equals(other.name) && Objects.equals(schema, other.schema) && !other.isDerived() && !isDerived();
    }

    /** True for derived tables (subqueries, CTEs), which have no DDL. */
    public boolean isDerived() { return false; }

    /**
     * An alias of this table. Typed subclasses override this to return their own type, keeping typed
     * columns; the base implementation returns an untyped copy with the same columns.
     */
    public Table as(String aliasName) {
        Table t = new Table(this, aliasName);
        for (Column<?> c : columns) copyColumn(t, c);
        for (ForeignKey fk : foreignKeys) {
            List<Column<?>> local = fk.columns().stream().<Column<?>>map(c -> t.column(c.name())).toList();
            t.foreignKeys.add(new ForeignKey(t, local, fk::referencedColumns, fk.onDelete(), fk.onUpdate(), fk.name()));
        }
        return t;
    }

    private static <T> void copyColumn(Table t, Column<T> c) {
        List<ColumnOption> opts = new ArrayList<>();
        if (c.isPrimaryKey()) opts.add(primaryKey());
        if (c.isAutoincrement()) opts.add(autoincrement());
        opts.add(new ColumnOption.Nullable(c.isNullable()));
        t.column(c.name(), c.type(), opts.toArray(ColumnOption[]::new));
    }

    /**
     * An anonymous alias of this table (SQLAlchemy's {@code aliased(Entity)} without a name): the compiler names it by
     * its position in the statement, {@code anon_1}, {@code anon_2}, ... in the order it renders them, so the same
     * statement shape gives the same SQL and the same cache key each time it is built (a new anonymous alias per build
     * costs no cache entry), and two anonymous aliases in one statement get distinct names. A name the statement itself
     * declares (a user's alias {@code anon_1}, a subquery or CTE so named, in any letter case) is skipped, so an anonymous
     * alias never clashes with it (the next free number is taken). Its columns are read with
     * {@link #corresponding}; {@link #alias()} gives the placeholder {@code "anon"}, not the rendered name.
     */
    public Table anonymous() {
        Table t = as("anon");
        t.anonymousOf = this.anonymousOf != null ? this.anonymousOf : this;
        return t;
    }

    /** True for an {@link #anonymous()} alias, whose name the compiler gives per statement. */
    public boolean isAnonymous() { return anonymousOf != null; }

    /** This column's counterpart in this table (by name), for columns of an alias or of the base table. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> corresponding(Column<T> c) {
        if (c.table() == this) return c;
        return (Column<T>) column(c.name());
    }

    @Override public void accept(SqlVisitor c) { c.visitTable(this); }
    /**
     * Itself (identity) for a table; for an alias, a value shared by every equal alias (see {@link AliasKey});
     * for an anonymous alias, what it aliases and its position among the statement's anonymous aliases.
     */
    @Override public void key(KeyBuilder k) {
        if (anonymousOf == null) { k.add(keyToken); declareName(k); return; }
        k.add(Table.class);
        k.add(anonymousOf);
        k.anonymous(this);
    }
    @Override public String toString() { return alias == null ? name : name + " AS " + alias; }
}
