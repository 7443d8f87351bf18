package org.athanor.sqlite;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.athanor.core.sql.StatementTemplate;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/** SQLite, counting how often the Engine asks it to render a statement (a statement-cache miss). */
final class CountingDialect extends Dialect {
    final AtomicInteger renders = new AtomicInteger();

    CountingDialect() { super(SqliteDialect.FEATURES); }

    @Override public String name() { return "SQLite (counting)"; }

    @Override public Dialect withFeatures(DialectFeatures features) { throw new UnsupportedOperationException(); }

    @Override protected SqlCompiler newCompiler(boolean literalBinds) { return new SqliteCompiler(SqliteDialect.INSTANCE, literalBinds); }

    @Override
    public StatementTemplate compileTemplate(SqlNode statement, KeyBuilder key) {
        renders.incrementAndGet();
        return super.compileTemplate(statement, key);
    }

    @Override protected <T> ValueCodec<T> baseCodec(SqlType<T> type) { return SqliteDialect.INSTANCE.codec(type); }

    @Override public DdlCompiler ddl() { return SqliteDialect.INSTANCE.ddl(); }

    @Override public DatabaseError translate(SQLException e, String sql) { return SqliteDialect.INSTANCE.translate(e, sql); }
}
