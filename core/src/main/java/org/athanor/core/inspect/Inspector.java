package org.athanor.core.inspect;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.ReferentialAction;

/**
 * Reads tables, columns, keys and indexes back from a live database (SQLAlchemy's Inspector),
 * through JDBC's DatabaseMetaData; the dialect maps type names back to SqlTypes and names the
 * indexes that only back a constraint. Each call uses a pooled connection of its own.
 *
 * <pre>{@code
 * Inspector insp = engine.inspect();
 * for (String t : insp.tableNames()) System.out.println(t + " " + insp.columns(t));
 * }</pre>
 *
 * Tables are looked up in the connection's current schema (PostgreSQL: the search path's first
 * schema; MySQL: the database of the URL) unless a schema is given.
 */
public final class Inspector {
    private final Engine engine;
    private final Connection connection; // when given, used (and left open) instead of pooled connections

    public Inspector(Engine engine) {
        this.engine = engine;
        this.connection = null;
    }

    /** An inspector reading through {@code connection} (an in-memory SQLite database has only one). */
    public Inspector(Connection connection) {
        this.engine = connection.engine();
        this.connection = connection;
    }

    private Dialect dialect() { return engine.dialect(); }

    @FunctionalInterface
    private interface MetaWork<T> { T apply(DatabaseMetaData md, Scope scope) throws SQLException; }

    /** The catalog and schema tables are looked up in. */
    private record Scope(String catalog, String schema) {}

    private <T> T read(String schema, MetaWork<T> work) {
        if (connection != null) return read(connection, schema, work);
        try (Connection c = engine.connect()) {
            return read(c, schema, work);
        }
    }

    private <T> T read(Connection c, String schema, MetaWork<T> work) {
        try {
            java.sql.Connection jdbc = c.jdbc();
            String s = schema != null ? schema : dialect().inspectionSchema(jdbc);
            return work.apply(jdbc.getMetaData(), new Scope(dialect().inspectionCatalog(jdbc), s));
        } catch (SQLException e) {
            throw dialect().translate(e, "DatabaseMetaData");
        }
    }

    /** Names of the tables (not views) of the current schema, sorted. */
    public List<String> tableNames() { return tableNames(null); }

    public List<String> tableNames(String schema) {
        return read(schema, (md, sc) -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = md.getTables(sc.catalog(), sc.schema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!dialect().isInternalTable(name)) out.add(name);
                }
            }
            out.sort(Comparator.naturalOrder());
            return out;
        });
    }

    /** True when the table exists in the current schema. */
    public boolean hasTable(String table) { return tableNames().contains(table); }

    public List<ColumnInfo> columns(String table) { return columns(null, table); }

    public List<ColumnInfo> columns(String schema, String table) {
        List<ColumnInfo> cols = read(schema, (md, sc) -> {
            TreeMap<Integer, ColumnInfo> byPosition = new TreeMap<>();
            Map<String, String> declared = dialect().declaredColumnTypes(md.getConnection(), sc.schema(), table);
            Map<String, ComputedColumn> computed = dialect().computedColumns(md.getConnection(), sc.schema(), table);
            try (ResultSet rs = md.getColumns(sc.catalog(), sc.schema(), table, "%")) {
                while (rs.next()) {
                    if (!table.equals(rs.getString("TABLE_NAME"))) continue; // '_' in a pattern matches any character
                    String typeName = declared.get(rs.getString("COLUMN_NAME"));
                    int size = typeName != null ? 0 : rs.getInt("COLUMN_SIZE");
                    int digits = typeName != null ? 0 : rs.getInt("DECIMAL_DIGITS");
                    if (typeName == null) typeName = rs.getString("TYPE_NAME");
                    var type = dialect().typeFromDatabase(typeName, rs.getInt("DATA_TYPE"), size, digits);
                    String def = rs.getString("COLUMN_DEF");
                    boolean auto = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                    ComputedColumn cc = computed.get(rs.getString("COLUMN_NAME"));
                    if (cc != null) def = null; // some drivers give the generation expression as the default
                    byPosition.put(rs.getInt("ORDINAL_POSITION"), new ColumnInfo(rs.getString("COLUMN_NAME"), type, typeName,
                            !"NO".equalsIgnoreCase(rs.getString("IS_NULLABLE")), def, auto && cc == null,
                            cc == null ? null : cc.sql(), cc != null && cc.stored()));
                }
            }
            return new ArrayList<>(byPosition.values());
        });
        if (cols.isEmpty()) throw new IllegalArgumentException("no table '" + table + "' to inspect; the tables are " + tableNames(schema));
        return cols;
    }

    public PrimaryKeyInfo primaryKey(String table) { return primaryKey(null, table); }

    public PrimaryKeyInfo primaryKey(String schema, String table) {
        return read(schema, (md, sc) -> {
            TreeMap<Integer, String> cols = new TreeMap<>();
            String name = null;
            try (ResultSet rs = md.getPrimaryKeys(sc.catalog(), sc.schema(), table)) {
                while (rs.next()) {
                    cols.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                    name = rs.getString("PK_NAME");
                }
            }
            return new PrimaryKeyInfo(name == null || name.isEmpty() ? null : name, new ArrayList<>(cols.values()));
        });
    }

    public List<ForeignKeyInfo> foreignKeys(String table) { return foreignKeys(null, table); }

    public List<ForeignKeyInfo> foreignKeys(String schema, String table) {
        return read(schema, (md, sc) -> {
            // rows come ordered by referenced table and KEY_SEQ; a KEY_SEQ of 1 starts the next key
            List<ForeignKeyInfo> out = new ArrayList<>();
            List<String> local = null, remote = null;
            String name = null, refSchema = null, refTable = null;
            ReferentialAction upd = null, del = null;
            try (ResultSet rs = md.getImportedKeys(sc.catalog(), sc.schema(), table)) {
                while (rs.next()) {
                    if (rs.getInt("KEY_SEQ") == 1) {
                        if (local != null) out.add(new ForeignKeyInfo(name, local, refSchema, refTable, remote, upd, del));
                        local = new ArrayList<>();
                        remote = new ArrayList<>();
                        String n = rs.getString("FK_NAME");
                        name = n == null || n.isEmpty() ? null : n;
                        refSchema = rs.getString("PKTABLE_SCHEM");
                        refTable = rs.getString("PKTABLE_NAME");
                        upd = action(rs.getInt("UPDATE_RULE"));
                        del = action(rs.getInt("DELETE_RULE"));
                    }
                    local.add(rs.getString("FKCOLUMN_NAME"));
                    remote.add(rs.getString("PKCOLUMN_NAME"));
                }
            }
            if (local != null) out.add(new ForeignKeyInfo(name, local, refSchema, refTable, remote, upd, del));
            return out;
        });
    }

    private static ReferentialAction action(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /** Indexes other than the primary key's, including those backing UNIQUE constraints. */
    public List<IndexInfo> indexes(String table) { return indexes(null, table); }

    public List<IndexInfo> indexes(String schema, String table) {
        PrimaryKeyInfo pk = primaryKey(schema, table);
        return read(schema, (md, sc) -> {
            Map<String, TreeMap<Integer, String>> cols = new LinkedHashMap<>();
            Map<String, Boolean> unique = new LinkedHashMap<>();
            try (ResultSet rs = md.getIndexInfo(sc.catalog(), sc.schema(), table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    String col = rs.getString("COLUMN_NAME");
                    if (name == null || col == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) continue;
                    cols.computeIfAbsent(name, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), col);
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            List<IndexInfo> out = new ArrayList<>();
            for (var e : cols.entrySet()) {
                List<String> c = new ArrayList<>(e.getValue().values());
                boolean isUnique = unique.get(e.getKey());
                if (isUnique && c.equals(pk.columns()) && dialect().isPrimaryKeyIndex(e.getKey(), pk)) continue;
                out.add(new IndexInfo(e.getKey(), c, isUnique));
            }
            out.sort(Comparator.comparing(IndexInfo::name));
            return out;
        });
    }

    /** UNIQUE constraints (the dialect tells constraint-backing unique indexes from plain ones). */
    public List<UniqueConstraintInfo> uniqueConstraints(String table) { return uniqueConstraints(null, table); }

    public List<UniqueConstraintInfo> uniqueConstraints(String schema, String table) {
        List<IndexInfo> unique = new ArrayList<>();
        for (IndexInfo i : indexes(schema, table)) if (i.unique()) unique.add(i);
        return read(schema, (md, sc) -> dialect().uniqueConstraints(md.getConnection(), sc.schema(), table, unique));
    }
}
