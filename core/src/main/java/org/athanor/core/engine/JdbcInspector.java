package org.athanor.core.engine;

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
import org.athanor.core.inspect.ColumnInfo;
import org.athanor.core.inspect.ComputedColumn;
import org.athanor.core.inspect.ForeignKeyInfo;
import org.athanor.core.inspect.IndexInfo;
import org.athanor.core.inspect.Inspector;
import org.athanor.core.inspect.PrimaryKeyInfo;
import org.athanor.core.inspect.UniqueConstraintInfo;
import org.athanor.core.schema.ReferentialAction;

/**
 * The {@link Inspector} of an Engine or Connection: JDBC's DatabaseMetaData, with the dialect mapping
 * type names back to SqlTypes and naming the indexes that only back a constraint. Each call uses a
 * pooled connection of its own unless built over a connection.
 */
final class JdbcInspector implements Inspector {
    private final Engine engine;
    private final Connection connection; // when given, used (and left open) instead of pooled connections

    JdbcInspector(Engine engine) {
        this.engine = engine;
        this.connection = null;
    }

    /** An inspector reading through {@code connection} (an in-memory SQLite database has only one). */
    JdbcInspector(Connection connection) {
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

    @Override
    public List<String> tableNames(String schema) {
        return read(schema, (md, sc) -> {
            List<String> out = new ArrayList<>();
            java.util.Set<String> sequences = dialect().sequencesListedAsTables(md.getConnection(), sc.schema());
            try (ResultSet rs = md.getTables(sc.catalog(), sc.schema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!dialect().isInternalTable(name) && !sequences.contains(name)) out.add(name);
                }
            }
            out.sort(Comparator.naturalOrder());
            return out;
        });
    }

    @Override
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

    @Override
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

    @Override
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

    @Override
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

    @Override
    public List<UniqueConstraintInfo> uniqueConstraints(String schema, String table) {
        List<IndexInfo> unique = new ArrayList<>();
        for (IndexInfo i : indexes(schema, table)) if (i.unique()) unique.add(i);
        return read(schema, (md, sc) -> dialect().uniqueConstraints(md.getConnection(), sc.schema(), table, unique));
    }
}
