package org.athanor.sqlite;

import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.IsDistinct;

/** SQLite's spelling: IS / IS NOT for null-safe comparison, LIMIT -1 before a lone OFFSET. */
final class SqliteCompiler extends SqlCompiler {
    SqliteCompiler(SqliteDialect dialect, boolean literalBinds) { super(dialect, literalBinds); }

    @Override
    public void visitIsDistinct(IsDistinct d) {
        // SQLite's IS / IS NOT are null-safe equality and inequality (IS DISTINCT FROM needs 3.39)
        operand(d.left());
        sql.append(d.negated() ? " IS " : " IS NOT ");
        operand(d.right());
    }

    @Override
    protected void limitOffset(Expression<?> limit, Expression<?> offset) {
        if (limit == null && offset == null) return;
        sql.append(" LIMIT ");
        if (limit != null) visit(limit);
        else sql.append("-1"); // SQLite requires LIMIT before OFFSET; -1 means no limit
        if (offset != null) {
            sql.append(" OFFSET ");
            visit(offset);
        }
    }

    @Override protected String trueSql() { return "1"; }

    @Override protected String falseSql() { return "0"; }
}
