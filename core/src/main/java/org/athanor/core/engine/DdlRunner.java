package org.athanor.core.engine;

import java.util.List;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.schema.MetaData;

/** Creates and drops a MetaData's sequences and tables (tables in foreign-key order). */
public final class DdlRunner {
    private final Engine engine;

    DdlRunner(Engine engine) { this.engine = engine; }

    /** The DDL statements createAll would run, in order (see {@link DdlCompiler#createStatements}). */
    public List<String> createStatements(MetaData metadata, boolean ifNotExists) {
        return engine.dialect().ddl().createStatements(metadata, ifNotExists);
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

    /** The DDL statements dropAll would run, in order (see {@link DdlCompiler#dropStatements}). */
    public List<String> dropStatements(MetaData metadata, boolean ifExists) {
        return engine.dialect().ddl().dropStatements(metadata, ifExists);
    }

    public void dropAll(MetaData metadata, boolean ifExists) {
        try (Connection c = engine.connect()) {
            for (String sql : dropStatements(metadata, ifExists)) c.executeSql(sql);
            c.commit();
        }
    }
}
