package org.athanor.mysql;

import java.util.List;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.athanor.core.type.ConvertedType;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.type.TypeKind;

/**
 * MySQL DDL: AUTO_INCREMENT and COMMENT after the column, native ENUM columns, InnoDB tables in
 * utf8mb4 with a binary collation, and prefix lengths for TEXT/BLOB columns in indexes.
 *
 * <p>The binary collation ({@code utf8mb4_bin}, or its NO PAD form where the server has it, see
 * {@link MysqlDialect#binaryCollation()}) makes comparisons, uniqueness and ORDER BY exact and
 * case-sensitive, trailing spaces included, as on PostgreSQL and SQLite; MySQL's own default collations are
 * case-insensitive and would treat 'a' and 'A' as duplicates in a unique index.
 */
final class MysqlDdlCompiler extends DdlCompiler {
    /** Characters of a TEXT/BLOB column an index covers (255 utf8mb4 characters fit InnoDB's 3072-byte key). */
    static final int INDEX_PREFIX = 255;

    private final MysqlDialect mysql;

    MysqlDdlCompiler(MysqlDialect dialect) {
        super(dialect);
        this.mysql = dialect;
    }

    @Override protected boolean nativeEnums() { return true; }

    @Override
    protected String columnType(Column<?> c) {
        SqlType<?> base = base(c.type());
        if (base.kind() == TypeKind.ENUM) {
            StringBuilder b = new StringBuilder("ENUM(");
            List<String> names = ((SqlTypes.EnumType<?>) base).names();
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(dialect.renderLiteral(names.get(i), SqlTypes.TEXT));
            }
            return b.append(')').toString();
        }
        return super.columnType(c);
    }

    private static SqlType<?> base(SqlType<?> t) {
        while (t instanceof ConvertedType<?, ?> ct) t = ct.base();
        return t;
    }

    @Override
    protected void columnSuffix(Column<?> c, StringBuilder b) {
        if (c.isAutoincrement()) b.append(" AUTO_INCREMENT");
        if (c.comment() != null) b.append(" COMMENT ").append(mysql.commentLiteral(c.comment()));
    }

    @Override
    protected void tableOptions(Table t, StringBuilder b) {
        b.append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=").append(mysql.binaryCollation());
        if (t.comment() != null) b.append(" COMMENT=").append(mysql.commentLiteral(t.comment()));
    }

    /** MariaDB 10.3+: the standard form; MySQL: {@link MysqlDialect#noSequences}. */
    @Override
    public String createSequence(Sequence s, boolean ifNotExists) {
        if (!dialect.features().supportsSequences())
            throw mysql.noSequences("CREATE SEQUENCE for " + s.qualifiedName() + " (MetaData.createAll and dropAll skip sequences on such databases)");
        return super.createSequence(s, ifNotExists);
    }

    /** MariaDB 10.3+: the standard form; MySQL: {@link MysqlDialect#noSequences}. */
    @Override
    public String dropSequence(Sequence s, boolean ifExists) {
        if (!dialect.features().supportsSequences())
            throw mysql.noSequences("DROP SEQUENCE for " + s.qualifiedName() + " (MetaData.createAll and dropAll skip sequences on such databases)");
        return super.dropSequence(s, ifExists);
    }

    /** TEXT, JSON and BLOB columns can be indexed only on a prefix: {@code col(255)}. */
    @Override
    protected String indexColumns(Index ix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ix.columns().size(); i++) {
            if (i > 0) b.append(", ");
            Column<?> c = ix.columns().get(i);
            b.append(q(c.name()));
            TypeKind k = base(c.type()).kind();
            if (k == TypeKind.TEXT || k == TypeKind.BLOB || k == TypeKind.JSON) b.append('(').append(INDEX_PREFIX).append(')');
        }
        return b.toString();
    }

    /**
     * Foreign keys added by ALTER (cycles) get a name, so that dropAll can drop them again:
     * MySQL's {@code DROP FOREIGN KEY} needs the constraint's name.
     */
    @Override
    public String addForeignKey(ForeignKey fk) {
        if (fk.name() != null) return super.addForeignKey(fk);
        return "ALTER TABLE " + tableName(fk.table()) + " ADD CONSTRAINT " + q(foreignKeyName(fk)) + " " + foreignKeyClause(fk);
    }

    /**
     * For a second createAll: MariaDB has {@code ADD CONSTRAINT fk FOREIGN KEY IF NOT EXISTS (...)}
     * (a note, not an error, when {@code fk} exists); MySQL 8 has no such
     * form, so there the ALTER runs again and fails with a duplicate-constraint error.
     */
    @Override
    public String addForeignKey(ForeignKey fk, boolean ifNotExists) {
        if (!ifNotExists || !mysql.alterConstraintIfNotExists()) return addForeignKey(fk);
        String clause = foreignKeyClause(fk);
        clause = clause.substring(clause.indexOf("FOREIGN KEY (") + "FOREIGN KEY ".length());
        return "ALTER TABLE " + tableName(fk.table()) + " ADD CONSTRAINT " + q(foreignKeyName(fk)) + " FOREIGN KEY IF NOT EXISTS "
                + clause;
    }

    /** MariaDB can make this a no-op when table or key is missing (dropAll after a createAll that failed half-way). */
    @Override
    public List<String> dropForeignKey(ForeignKey fk) {
        if (mysql.alterConstraintIfNotExists())
            return List.of("ALTER TABLE IF EXISTS " + tableName(fk.table()) + " DROP FOREIGN KEY IF EXISTS " + q(foreignKeyName(fk)));
        return List.of("ALTER TABLE " + tableName(fk.table()) + " DROP FOREIGN KEY " + q(foreignKeyName(fk)));
    }

    static String foreignKeyName(ForeignKey fk) {
        if (fk.name() != null) return fk.name();
        StringBuilder b = new StringBuilder("fk_").append(fk.table().name());
        for (Column<?> c : fk.columns()) b.append('_').append(c.name());
        String n = b.toString();
        return n.length() <= 64 ? n : n.substring(0, 55) + "_" + Integer.toHexString(n.hashCode());
    }
}
