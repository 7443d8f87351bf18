package org.athanor.sqlite;

import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.sql.Binary;
import org.athanor.core.sql.DatePart;
import org.athanor.core.sql.Operator;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.Extract;
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

    /**
     * SQLite stores a NUMERIC value that has no fraction (3.00) as an INTEGER, and {@code /} on two
     * integers truncates: a division typed NUMERIC, REAL or DOUBLE divides as REAL, so {@code price / 2}
     * is 1.5 for a price of 3.00. Two integer operands still divide as integers, as on the other databases.
     */
    @Override
    public void visitBinary(Binary<?> b) {
        if (b.op() == Operator.DIV && switch (b.type().kind()) { case NUMERIC, REAL, DOUBLE -> true; default -> false; }) {
            sql.append("CAST(");
            visit(b.left());
            sql.append(" AS REAL) / ");
            operand(b.right());
            return;
        }
        super.visitBinary(b);
    }

    @Override
    protected void limitOffset(Expression<?> limit, Expression<?> offset) {
        if (limit == null && offset == null) return;
        sql.append(" LIMIT ");
        if (limit != null) limitValue(limit, "LIMIT");
        else sql.append("-1"); // SQLite requires LIMIT before OFFSET; -1 means no limit
        if (offset != null) {
            sql.append(" OFFSET ");
            limitValue(offset, "OFFSET");
        }
    }

    /** SQLite has no EXTRACT: strftime gives the field as text, cast to an integer. */
    @Override
    public void visitExtract(Extract e) {
        if (e.part() == DatePart.QUARTER) {
            sql.append("((CAST(strftime('%m', ");
            visit(e.operand());
            sql.append(") AS INTEGER) + 2) / 3)");
            return;
        }
        String format = switch (e.part()) {
            case YEAR -> "%Y";
            case MONTH -> "%m";
            case DAY -> "%d";
            case HOUR -> "%H";
            case MINUTE -> "%M";
            case SECOND -> "%S";
            case DAY_OF_WEEK -> "%w";
            case DAY_OF_YEAR -> "%j";
            case QUARTER -> throw new AssertionError("handled above");
        };
        sql.append("CAST(strftime('").append(format).append("', ");
        visit(e.operand());
        sql.append(") AS INTEGER)");
    }

    /**
     * SQLite parses {@code INSERT ... SELECT ... FROM t ON CONFLICT} as a join's ON: its documentation
     * asks for a WHERE clause in the SELECT of an upsert, so one that has none gets {@code WHERE 1}.
     */
    @Override
    public void visitInsert(Insert i) {
        if (i.select() != null && i.onConflictClause() != null && i.select().where() == null) {
            super.visitInsert(i.fromSelect(i.columns(), i.select().where(Sql.literal(true))));
            return;
        }
        super.visitInsert(i);
    }

    @Override protected String trueSql() { return "1"; }

    /**
     * A list over the bind-parameter limit goes out as one JSON array parameter read by
     * {@code json_each}: {@code x IN (SELECT value FROM json_each(?))}.
     */
    @Override
    protected void boundList(org.athanor.core.sql.InList in) {
        String json = jsonArray(in);
        operand(in.operand());
        sql.append(in.negated() ? " NOT IN (SELECT value FROM json_each(" : " IN (SELECT value FROM json_each(");
        appendExtraParam(new org.athanor.core.sql.Param<>(json, org.athanor.core.type.SqlTypes.TEXT));
        sql.append("))");
    }

    @Override protected String falseSql() { return "0"; }
}
