package org.athanor.core.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.CheckConstraint;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.athanor.core.schema.UniqueConstraint;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.type.TypeKind;

/**
 * Renders DDL: CREATE/DROP TABLE, indexes, foreign keys added by ALTER, sequences, and the whole
 * statement list of a MetaData's createAll/dropAll. Dialects override the pieces they spell
 * differently (autoincrement, comments, enum columns). Rendering never touches a database.
 */
public class DdlCompiler {
    protected final Dialect dialect;

    public DdlCompiler(Dialect dialect) { this.dialect = dialect; }

    protected String q(String identifier) { return dialect.quoteIdentifier(identifier); }

    protected String tableName(Table t) { return t.schema() == null ? q(t.name()) : q(t.schema()) + "." + q(t.name()); }

    protected String sequenceName(Sequence s) { return s.schema() == null ? q(s.name()) : q(s.schema()) + "." + q(s.name()); }

    /**
     * The statements {@code metadata.createAll} runs, in order: sequences (where the database has them;
     * skipped silently elsewhere), then each table parents first with its indexes, then the foreign keys
     * of a cycle by ALTER where the database can.
     */
    public List<String> createStatements(MetaData metadata, boolean ifNotExists) {
        boolean alter = dialect.features().supportsAlterAddForeignKey();
        List<ForeignKey> cyclic = metadata.cyclicForeignKeys();
        Set<ForeignKey> deferred = alter ? new HashSet<>(cyclic) : Set.of();
        List<String> out = new ArrayList<>();
        if (dialect.features().supportsSequences())
            for (Sequence s : metadata.sequences()) out.add(createSequence(s, ifNotExists));
        for (Table t : metadata.sortedTables()) {
            out.addAll(createTable(t, ifNotExists, deferred));
            for (Index ix : t.indexes()) out.add(createIndex(ix, ifNotExists));
        }
        for (ForeignKey fk : cyclic) if (deferred.contains(fk)) out.add(addForeignKey(fk, ifNotExists));
        return out;
    }

    /**
     * The statements {@code metadata.dropAll} runs, in order: the foreign keys of a cycle, the tables
     * children first, then the sequences (after the tables, whose column defaults may use them).
     */
    public List<String> dropStatements(MetaData metadata, boolean ifExists) {
        List<String> out = new ArrayList<>();
        if (dialect.features().supportsAlterAddForeignKey())
            for (ForeignKey fk : metadata.cyclicForeignKeys()) out.addAll(dropForeignKey(fk));
        List<Table> order = new ArrayList<>(metadata.sortedTables());
        Collections.reverse(order);
        for (Table t : order) out.add(dropTable(t, ifExists));
        if (dialect.features().supportsSequences())
            for (Sequence s : metadata.sequences()) out.add(dropSequence(s, ifExists));
        return out;
    }

    /** {@code CREATE SEQUENCE [IF NOT EXISTS] name START WITH n INCREMENT BY m}; an error where the database has no sequences. */
    public String createSequence(Sequence s, boolean ifNotExists) {
        requireSequences(s, "CREATE");
        return "CREATE SEQUENCE " + (ifNotExists ? "IF NOT EXISTS " : "") + sequenceName(s)
                + " START WITH " + s.start() + " INCREMENT BY " + s.increment();
    }

    /** {@code DROP SEQUENCE [IF EXISTS] name}; an error where the database has no sequences. */
    public String dropSequence(Sequence s, boolean ifExists) {
        requireSequences(s, "DROP");
        return "DROP SEQUENCE " + (ifExists ? "IF EXISTS " : "") + sequenceName(s);
    }

    private void requireSequences(Sequence s, String verb) {
        if (!dialect.features().supportsSequences())
            throw new CompileError(dialect.name() + " has no sequences, so there is no " + verb + " SEQUENCE for "
                    + s.qualifiedName() + " (MetaData.createAll and dropAll skip sequences on such databases)");
    }

    /**
     * CREATE TABLE, followed by any statements the table needs after it (comments, sequences).
     * Foreign keys in {@code deferred} are left out, to be added by {@link #addForeignKey}.
     */
    public List<String> createTable(Table t, boolean ifNotExists, Set<ForeignKey> deferred) {
        if (t.columns().isEmpty()) throw new IllegalArgumentException("table " + t.name() + " has no columns");
        StringBuilder b = new StringBuilder("CREATE TABLE ");
        if (ifNotExists) b.append("IF NOT EXISTS ");
        b.append(tableName(t)).append(" (");
        List<String> parts = new ArrayList<>();
        for (Column<?> c : t.columns()) parts.add(columnDefinition(c));
        List<Column<?>> pk = t.primaryKeyColumns();
        if (!pk.isEmpty() && !inlinePrimaryKey(t)) parts.add("PRIMARY KEY (" + names(pk) + ")");
        for (UniqueConstraint u : t.uniqueConstraints())
            parts.add((u.name() != null ? "CONSTRAINT " + q(u.name()) + " " : "") + "UNIQUE (" + names(u.columns()) + ")");
        for (ForeignKey fk : t.foreignKeys()) if (!deferred.contains(fk)) parts.add(foreignKeyClause(fk));
        for (CheckConstraint ck : t.checks())
            parts.add((ck.name() != null ? "CONSTRAINT " + q(ck.name()) + " " : "") + "CHECK (" + ck.sql() + ")");
        b.append(String.join(", ", parts)).append(')');
        tableOptions(t, b);
        List<String> out = new ArrayList<>();
        out.add(b.toString());
        out.addAll(afterCreate(t));
        return out;
    }

    /** Whether the primary key is declared on its column (SQLite's INTEGER PRIMARY KEY AUTOINCREMENT). */
    protected boolean inlinePrimaryKey(Table t) { return false; }

    /** Text after the closing parenthesis (MySQL's ENGINE, charset). */
    protected void tableOptions(Table t, StringBuilder b) {}

    /** Statements run after CREATE TABLE (PostgreSQL's COMMENT ON). */
    protected List<String> afterCreate(Table t) { return List.of(); }

    public String columnDefinition(Column<?> c) {
        StringBuilder b = new StringBuilder(q(c.name())).append(' ').append(c.ddlType() != null ? c.ddlType() : columnType(c));
        if (c.computed() != null) computed(c, b);
        if (c.serverDefault() != null) b.append(" DEFAULT ").append(c.serverDefault());
        if (!c.isNullable()) b.append(" NOT NULL");
        if (c.check() != null) b.append(" CHECK (").append(c.check()).append(')');
        if (c.type().kind() == TypeKind.ENUM && !nativeEnums()) {
            b.append(" CHECK (").append(q(c.name())).append(" IN (");
            List<String> names = ((SqlTypes.EnumType<?>) baseType(c)).names();
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(dialect.renderLiteral(names.get(i), SqlTypes.TEXT));
            }
            b.append("))");
        }
        columnSuffix(c, b);
        return b.toString();
    }

    static org.athanor.core.type.SqlType<?> baseType(Column<?> c) {
        org.athanor.core.type.SqlType<?> t = c.type();
        while (t instanceof org.athanor.core.type.ConvertedType<?, ?> ct) t = ct.base();
        return t;
    }

    /**
     * {@code GENERATED ALWAYS AS (sql) [STORED | VIRTUAL]} (SQL:2003; SQLite 3.31+, MySQL 5.7+, MariaDB,
     * PostgreSQL 12+ which overrides for its STORED-only rule).
     */
    protected void computed(Column<?> c, StringBuilder b) {
        b.append(" GENERATED ALWAYS AS (").append(c.computed().sql()).append(')');
        if (c.computed().stored() != null) b.append(c.computed().stored() ? " STORED" : " VIRTUAL");
    }

    /** Whether enums are a native column type (MySQL's ENUM) rather than VARCHAR + CHECK. */
    protected boolean nativeEnums() { return false; }

    /** The column's type, including autoincrement spelling where it is part of the type. */
    protected String columnType(Column<?> c) { return dialect.typeName(c.type()); }

    /** Text after the column definition (MySQL's AUTO_INCREMENT and COMMENT). */
    protected void columnSuffix(Column<?> c, StringBuilder b) {}

    protected String names(List<Column<?>> cols) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(q(cols.get(i).name()));
        }
        return b.toString();
    }

    public String foreignKeyClause(ForeignKey fk) {
        StringBuilder b = new StringBuilder();
        if (fk.name() != null) b.append("CONSTRAINT ").append(q(fk.name())).append(' ');
        b.append("FOREIGN KEY (").append(names(fk.columns())).append(") REFERENCES ")
                .append(tableName(fk.referencedTable())).append(" (").append(names(fk.referencedColumns())).append(')');
        if (fk.onDelete() != ReferentialAction.NO_ACTION) b.append(" ON DELETE ").append(fk.onDelete().sql());
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) b.append(" ON UPDATE ").append(fk.onUpdate().sql());
        return b.toString();
    }

    public String addForeignKey(ForeignKey fk) {
        return "ALTER TABLE " + tableName(fk.table()) + " ADD " + foreignKeyClause(fk);
    }

    /**
     * ALTER TABLE ADD for createAll; with {@code ifNotExists} a dialect that can should make it a no-op when
     * the constraint is already there, so that createAll can run twice. The default ignores the flag.
     */
    public String addForeignKey(ForeignKey fk, boolean ifNotExists) { return addForeignKey(fk); }

    public String createIndex(Index ix, boolean ifNotExists) {
        StringBuilder b = new StringBuilder("CREATE ");
        if (ix.unique()) b.append("UNIQUE ");
        b.append("INDEX ");
        if (ifNotExists && dialect.features().supportsCreateIndexIfNotExists()) b.append("IF NOT EXISTS ");
        b.append(q(ix.name())).append(" ON ").append(tableName(ix.table())).append(" (").append(indexColumns(ix)).append(')');
        return b.toString();
    }

    /** The index's column list (MySQL adds prefix lengths for TEXT/BLOB). */
    protected String indexColumns(Index ix) { return names(ix.columns()); }

    public String dropTable(Table t, boolean ifExists) {
        return "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + tableName(t);
    }

    /** Statements to drop a foreign key before dropping tables in a cycle; empty where not needed. */
    public List<String> dropForeignKey(ForeignKey fk) { return List.of(); }
}
