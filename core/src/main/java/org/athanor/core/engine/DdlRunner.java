package org.athanor.core.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;

/** Creates and drops a MetaData's tables in foreign-key order. */
public final class DdlRunner {
    private final Engine engine;

    DdlRunner(Engine engine) { this.engine = engine; }

    /** The DDL statements createAll would run, in order. */
    public List<String> createStatements(MetaData metadata, boolean ifNotExists) {
        DdlCompiler ddl = engine.dialect().ddl();
        boolean alter = engine.dialect().features().supportsAlterAddForeignKey();
        Set<ForeignKey> deferred = alter ? new HashSet<>(metadata.cyclicForeignKeys()) : Set.of();
        List<String> out = new ArrayList<>();
        for (Table t : metadata.sortedTables()) {
            out.addAll(ddl.createTable(t, ifNotExists, deferred));
            for (Index ix : t.indexes()) out.add(ddl.createIndex(ix, ifNotExists));
        }
        for (ForeignKey fk : metadata.cyclicForeignKeys()) if (deferred.contains(fk)) out.add(ddl.addForeignKey(fk, ifNotExists));
        return out;
    }

    public void createAll(MetaData metadata, boolean ifNotExists) {
        List<String> statements = createStatements(metadata, ifNotExists);
        boolean indexIfNotExists = engine.dialect().features().supportsCreateIndexIfNotExists();
        try (Connection c = engine.connect()) {
            for (String sql : statements) {
                if (ifNotExists && !indexIfNotExists && sql.contains(" INDEX ") && sql.startsWith("CREATE")
                        && indexExists(c, sql)) continue;
                c.executeSql(sql);
            }
            c.commit();
        }
    }

    /** For databases without CREATE INDEX IF NOT EXISTS: asks JDBC metadata whether the index is there. */
    private boolean indexExists(Connection c, String createSql) {
        String name = createSql.replaceFirst("^CREATE (UNIQUE )?INDEX ", "");
        name = name.substring(0, name.indexOf(" ON ")).replace("`", "").replace("\"", "");
        try (var rs = c.jdbc().getMetaData().getIndexInfo(c.jdbc().getCatalog(), null, tableOf(createSql), false, false)) {
            while (rs.next()) if (name.equalsIgnoreCase(rs.getString("INDEX_NAME"))) return true;
            return false;
        } catch (java.sql.SQLException e) {
            throw c.translate(e, createSql);
        }
    }

    private static String tableOf(String createSql) {
        String t = createSql.substring(createSql.indexOf(" ON ") + 4);
        t = t.substring(0, t.indexOf(" (")).replace("`", "").replace("\"", "");
        int dot = t.lastIndexOf('.');
        return dot >= 0 ? t.substring(dot + 1) : t;
    }

    public List<String> dropStatements(MetaData metadata, boolean ifExists) {
        DdlCompiler ddl = engine.dialect().ddl();
        List<String> out = new ArrayList<>();
        if (engine.dialect().features().supportsAlterAddForeignKey())
            for (ForeignKey fk : metadata.cyclicForeignKeys()) out.addAll(ddl.dropForeignKey(fk));
        List<Table> order = new ArrayList<>(metadata.sortedTables());
        java.util.Collections.reverse(order);
        for (Table t : order) out.add(ddl.dropTable(t, ifExists));
        return out;
    }

    public void dropAll(MetaData metadata, boolean ifExists) {
        try (Connection c = engine.connect()) {
            for (String sql : dropStatements(metadata, ifExists)) c.executeSql(sql);
            c.commit();
        }
    }
}
