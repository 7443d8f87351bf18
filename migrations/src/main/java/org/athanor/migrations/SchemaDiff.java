package org.athanor.migrations;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.engine.Engine;
import org.athanor.core.inspect.ColumnInfo;
import org.athanor.core.inspect.ForeignKeyInfo;
import org.athanor.core.inspect.IndexInfo;
import org.athanor.core.inspect.Inspector;
import org.athanor.core.inspect.PrimaryKeyInfo;
import org.athanor.core.inspect.UniqueConstraintInfo;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.core.schema.UniqueConstraint;
import org.athanor.core.type.SqlTypes;

/**
 * The differences between a {@link MetaData} and a live database, read through the engine's
 * {@link Inspector} (Alembic's autogenerate comparison):
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.compare(metadata, engine);
 * if (!diff.isEmpty()) System.out.println(diff);        // one line per difference
 * MigrationScript.from(diff, engine.dialect()).writeTo(Path.of("src/main/resources/db/migration"), "add users age");
 * }</pre>
 *
 * Compared: tables, columns (type as the dialect spells it, nullability, server default), primary
 * keys, foreign keys (columns, target, ON DELETE/UPDATE), indexes and unique constraints. Indexes and
 * unique constraints are matched by their columns, not their names, since databases name what the
 * model leaves unnamed. Unique constraints and unique indexes are one kind here: MySQL and SQLite do
 * not tell them apart when read back. Tables of the database that the model lacks are reported as
 * removed unless {@code includeTable} says to ignore them (Flyway's {@code flyway_schema_history}
 * always is).
 */
public final class SchemaDiff {
    private final List<SchemaChange> changes;
    private final MetaData metadata;
    private final Dialect dialect;

    private SchemaDiff(List<SchemaChange> changes, MetaData metadata, Dialect dialect) {
        this.changes = List.copyOf(changes);
        this.metadata = metadata;
        this.dialect = dialect;
    }

    /** Compares every table of the model with the database's current schema; every other table there counts as removed. */
    public static SchemaDiff compare(MetaData metadata, Engine engine) { return compare(metadata, engine, name -> true); }

    /**
     * Like {@link #compare(MetaData, Engine)}; database tables the model lacks are reported only when
     * {@code includeTable} accepts their name (e.g. {@code name -> name.startsWith("app_")}).
     */
    public static SchemaDiff compare(MetaData metadata, Engine engine, Predicate<String> includeTable) {
        Objects.requireNonNull(metadata, "metadata");
        return new Comparison(metadata, engine.inspect(), engine.dialect(), includeTable).run();
    }

    public List<SchemaChange> changes() { return changes; }
    public boolean isEmpty() { return changes.isEmpty(); }
    public MetaData metadata() { return metadata; }
    /** The dialect of the database compared with. */
    public Dialect dialect() { return dialect; }

    /** The changes of one kind, e.g. {@code diff.changes(SchemaChange.ColumnChanged.class)}. */
    public <C extends SchemaChange> List<C> changes(Class<C> kind) {
        List<C> out = new ArrayList<>();
        for (SchemaChange c : changes) if (kind.isInstance(c)) out.add(kind.cast(c));
        return out;
    }

    /** "no differences", or a count and one indented line per difference. */
    @Override public String toString() {
        if (changes.isEmpty()) return "no differences between the model and the " + dialect.name() + " database";
        StringBuilder b = new StringBuilder().append(changes.size()).append(changes.size() == 1 ? " difference" : " differences")
                .append(" between the model and the ").append(dialect.name()).append(" database:");
        for (SchemaChange c : changes) b.append("\n  - ").append(c.describe());
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------

    private static final class Comparison {
        private final MetaData metadata;
        private final Inspector insp;
        private final Dialect dialect;
        private final Predicate<String> includeTable;
        private final List<SchemaChange> out = new ArrayList<>();

        Comparison(MetaData metadata, Inspector insp, Dialect dialect, Predicate<String> includeTable) {
            this.metadata = metadata;
            this.insp = insp;
            this.dialect = dialect;
            this.includeTable = includeTable;
        }

        SchemaDiff run() {
            List<String> dbTables = insp.tableNames();
            Set<String> matched = new HashSet<>();
            for (Table t : metadata.sortedTables()) {
                if (t.schema() != null)
                    throw new IllegalArgumentException("SchemaDiff compares tables of the connection's current schema; table "
                            + t.schema() + "." + t.name() + " names another schema");
                String db = find(dbTables, t.name());
                if (db == null) { out.add(new SchemaChange.TableAdded(t)); continue; }
                matched.add(db);
                compareTable(t, db);
            }
            for (String db : dbTables)
                if (!matched.contains(db) && !db.equalsIgnoreCase("flyway_schema_history") && includeTable.test(db))
                    out.add(new SchemaChange.TableRemoved(db));
            return new SchemaDiff(out, metadata, dialect);
        }

        private static String find(List<String> names, String name) {
            for (String n : names) if (n.equals(name)) return n;
            for (String n : names) if (n.equalsIgnoreCase(name)) return n;
            return null;
        }

        private void compareTable(Table t, String db) {
            List<ColumnInfo> cols = insp.columns(db);
            PrimaryKeyInfo pk = insp.primaryKey(db);
            Map<String, ColumnInfo> byName = new LinkedHashMap<>();
            for (ColumnInfo c : cols) byName.put(c.name().toLowerCase(Locale.ROOT), c);
            Set<String> seen = new HashSet<>();
            for (Column<?> c : t.columns()) {
                ColumnInfo ci = byName.get(c.name().toLowerCase(Locale.ROOT));
                if (ci == null) { out.add(new SchemaChange.ColumnAdded(c)); continue; }
                seen.add(ci.name().toLowerCase(Locale.ROOT));
                compareColumn(c, ci, pk);
            }
            for (ColumnInfo ci : cols)
                if (!seen.contains(ci.name().toLowerCase(Locale.ROOT))) out.add(new SchemaChange.ColumnRemoved(db, ci));

            List<String> modelPk = t.primaryKeyColumns().stream().map(Column::name).toList();
            if (!sameNames(modelPk, pk.columns())) out.add(new SchemaChange.PrimaryKeyChanged(t, pk));

            compareForeignKeys(t, db);
            compareIndexes(t, db);
        }

        private void compareColumn(Column<?> c, ColumnInfo ci, PrimaryKeyInfo pk) {
            Set<SchemaChange.Aspect> aspects = EnumSet.noneOf(SchemaChange.Aspect.class);
            String modelType = modelType(c);
            String dbType = databaseType(ci);
            if (!modelType.equalsIgnoreCase(dbType) && !rendersAs(c, dbType)) aspects.add(SchemaChange.Aspect.TYPE);
            boolean inDbPk = containsIgnoreCase(pk.columns(), ci.name());
            boolean dbNullable = ci.nullable() && !inDbPk; // SQLite lets a non-INTEGER key column hold NULL
            if (dbNullable != c.isNullable()) aspects.add(SchemaChange.Aspect.NULLABLE);
            if (!c.isAutoincrement() && !ci.autoincrement()
                    && !Objects.equals(normalizeDefault(c.serverDefault()), normalizeDefault(ci.defaultValue())))
                aspects.add(SchemaChange.Aspect.DEFAULT);
            if (!aspects.isEmpty()) out.add(new SchemaChange.ColumnChanged(c, ci, aspects, modelType, dbType));
        }

        /**
         * Whether the dialect's column definition spells the type as {@code dbType}: an autoincrement key
         * may be declared with another type than its SqlType's (SQLite's INTEGER PRIMARY KEY for BIGINT).
         */
        private boolean rendersAs(Column<?> c, String dbType) {
            String def;
            try {
                def = dialect.ddl().columnDefinition(c);
            } catch (RuntimeException e) {
                return false;
            }
            String rest = def.substring(dialect.quoteIdentifier(c.name()).length()).trim().toUpperCase(Locale.ROOT);
            String want = dbType.toUpperCase(Locale.ROOT);
            return rest.equals(want) || rest.startsWith(want + " ");
        }

        /** The model's type as the dialect spells it in DDL; its own name where the dialect has no spelling for it. */
        private String modelType(Column<?> c) {
            try {
                return dialect.typeName(c.type());
            } catch (RuntimeException e) {
                return c.type().toString();
            }
        }

        /** The database's type in the dialect's DDL spelling, or its own name where it has no SqlType counterpart. */
        private String databaseType(ColumnInfo ci) {
            if (ci.type() == SqlTypes.ANY) return ci.typeName();
            try {
                return dialect.typeName(ci.type());
            } catch (RuntimeException e) {
                return ci.typeName();
            }
        }

        private void compareForeignKeys(Table t, String db) {
            List<ForeignKeyInfo> dbKeys = new ArrayList<>(insp.foreignKeys(db));
            for (ForeignKey fk : t.foreignKeys()) {
                ForeignKeyInfo match = null;
                for (ForeignKeyInfo fi : dbKeys)
                    if (sameNames(names(fk.columns()), fi.columns()) && fk.referencedTable().name().equalsIgnoreCase(fi.referredTable())
                            && sameNames(names(fk.referencedColumns()), fi.referredColumns())) { match = fi; break; }
                if (match == null) { out.add(new SchemaChange.ForeignKeyAdded(fk)); continue; }
                dbKeys.remove(match);
                if (!sameAction(fk.onDelete(), match.onDelete()) || !sameAction(fk.onUpdate(), match.onUpdate()))
                    out.add(new SchemaChange.ForeignKeyChanged(fk, match));
            }
            for (ForeignKeyInfo fi : dbKeys) out.add(new SchemaChange.ForeignKeyRemoved(db, fi));
        }

        /** NO ACTION and RESTRICT differ only in when a deferred check runs; MySQL reports one for the other. */
        private static boolean sameAction(ReferentialAction model, ReferentialAction db) {
            boolean m = model == ReferentialAction.NO_ACTION || model == ReferentialAction.RESTRICT;
            boolean d = db == null || db == ReferentialAction.NO_ACTION || db == ReferentialAction.RESTRICT;
            return m && d || model == db;
        }

        private void compareIndexes(Table t, String db) {
            List<IndexInfo> dbIndexes = insp.indexes(db);
            List<UniqueConstraintInfo> dbUniques = insp.uniqueConstraints(db);

            // unique: constraints and unique indexes are one kind, matched by columns
            Map<List<String>, Object> modelUnique = new LinkedHashMap<>();
            for (UniqueConstraint u : t.uniqueConstraints()) modelUnique.putIfAbsent(lower(names(u.columns())), u);
            for (Index ix : t.indexes()) if (ix.unique()) modelUnique.putIfAbsent(lower(names(ix.columns())), ix);
            Map<List<String>, Object> dbUnique = new LinkedHashMap<>();
            for (UniqueConstraintInfo u : dbUniques) dbUnique.putIfAbsent(lower(u.columns()), u);
            for (IndexInfo i : dbIndexes) if (i.unique()) dbUnique.putIfAbsent(lower(i.columns()), i);
            for (var e : modelUnique.entrySet()) {
                if (dbUnique.containsKey(e.getKey())) continue;
                if (e.getValue() instanceof UniqueConstraint u) out.add(new SchemaChange.UniqueAdded(t, u.name(), u.columns(), false));
                else { Index ix = (Index) e.getValue(); out.add(new SchemaChange.UniqueAdded(t, ix.name(), ix.columns(), true)); }
            }
            for (var e : dbUnique.entrySet()) {
                if (modelUnique.containsKey(e.getKey())) continue;
                if (e.getValue() instanceof UniqueConstraintInfo u) out.add(new SchemaChange.UniqueRemoved(db, u.name(), u.columns(), true));
                else { IndexInfo i = (IndexInfo) e.getValue(); out.add(new SchemaChange.UniqueRemoved(db, i.name(), i.columns(), false)); }
            }

            // plain indexes, matched by columns
            Map<List<String>, Index> modelPlain = new LinkedHashMap<>();
            for (Index ix : t.indexes()) if (!ix.unique()) modelPlain.putIfAbsent(lower(names(ix.columns())), ix);
            Map<List<String>, IndexInfo> dbPlain = new LinkedHashMap<>();
            for (IndexInfo i : dbIndexes) if (!i.unique()) dbPlain.putIfAbsent(lower(i.columns()), i);
            Set<List<String>> fkColumns = new HashSet<>();
            for (ForeignKey fk : t.foreignKeys()) fkColumns.add(lower(names(fk.columns())));
            for (var e : modelPlain.entrySet()) if (!dbPlain.containsKey(e.getKey())) out.add(new SchemaChange.IndexAdded(e.getValue()));
            for (var e : dbPlain.entrySet()) {
                if (modelPlain.containsKey(e.getKey())) continue;
                // MySQL/MariaDB create an index for each foreign key that has none: it belongs to the key
                if (fkColumns.contains(e.getKey())) continue;
                out.add(new SchemaChange.IndexRemoved(db, e.getValue()));
            }
        }
    }

    static List<String> names(List<Column<?>> cols) { return cols.stream().map(Column::name).toList(); }

    private static List<String> lower(List<String> names) { return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList(); }

    private static boolean sameNames(List<String> a, List<String> b) { return lower(a).equals(lower(b)); }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String n : names) if (n.equalsIgnoreCase(name)) return true;
        return false;
    }

    /**
     * Server defaults as databases echo them back differ in spelling only: PostgreSQL adds casts
     * ({@code 'a'::character varying}), some add parentheses or quote numbers, MariaDB writes
     * {@code current_timestamp()}. Those are removed before comparing; null and NULL are one.
     */
    static String normalizeDefault(String sql) {
        if (sql == null) return null;
        String x = sql.trim();
        x = x.replaceAll("::[A-Za-z_][A-Za-z_ ]*(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?", "");
        while (x.length() >= 2 && x.startsWith("(") && x.endsWith(")")) x = x.substring(1, x.length() - 1).trim();
        if (x.length() >= 2 && x.startsWith("'") && x.endsWith("'")) x = x.substring(1, x.length() - 1).replace("''", "'");
        x = x.toLowerCase(Locale.ROOT);
        if (x.equals("null")) return null;
        if (x.equals("current_timestamp()") || x.equals("now()")) return "current_timestamp";
        if (x.equals("true")) return "1";
        if (x.equals("false")) return "0";
        return x;
    }
}
