package org.athanor.core.compile;

import org.athanor.core.error.CompileError;
import org.athanor.core.sql.*;

/**
 * The default rendering of analytic constructs: window functions with their {@code OVER (PARTITION
 * BY ... ORDER BY ... frame)} and aggregates with a {@code FILTER (WHERE ...)} clause, including the
 * fallbacks for databases without LAG/LEAD defaults or FILTER. {@link SqlCompiler}'s visitors delegate
 * here; dialect hooks are called back through the compiler.
 */
final class WindowRenderer {
    private WindowRenderer() {}

    /** See {@link SqlCompiler#visitOver}. */
    static void over(SqlCompiler c, Over<?> o) {
        if (!c.features.supportsWindowFunctions()) throw c.unsupported("window functions (OVER)");
        if (o.function() instanceof FunctionCall<?> f && f.args().size() == 3 && !c.features.supportsLagLeadDefault()
                && (f.name().equals("lag") || f.name().equals("lead"))) {
            c.lagLeadWithDefault(f, o.window());
            return;
        }
        c.operand(o.function());
        StringBuilder sql = c.sql;
        sql.append(" OVER (");
        Window w = o.window();
        int mark = sql.length();
        if (!w.partitionBy().isEmpty()) {
            sql.append("PARTITION BY ");
            c.list(w.partitionBy(), ", ");
        }
        if (!w.orderBy().isEmpty()) {
            if (sql.length() > mark) sql.append(' ');
            sql.append("ORDER BY ");
            c.list(w.orderBy(), ", ");
        }
        if (w.frame() != null) {
            Window.Frame fr = w.frame();
            if (fr.unit() == Window.FrameUnit.GROUPS && !c.features.supportsGroupsFrame()) throw c.unsupported("GROUPS window frames");
            if (fr.unit() == Window.FrameUnit.RANGE && (fr.start().offsetSql() != null || fr.end().offsetSql() != null)) {
                if (!c.features.supportsRangeOffsets()) throw c.unsupported("RANGE window frames with an offset (n PRECEDING/FOLLOWING)");
                if ((fr.start().isInterval() || fr.end().isInterval()) && !c.features.supportsIntervalRangeOffsets())
                    throw c.unsupported("RANGE window frames with an interval offset (INTERVAL ... PRECEDING/FOLLOWING)");
                if (w.orderBy().size() != 1)
                    throw new CompileError("a RANGE window frame with an offset (" + fr.start().sql() + " .. " + fr.end().sql()
                            + ") needs exactly one ORDER BY expression, the one the offset measures; it has " + w.orderBy().size());
            }
            if (sql.length() > mark) sql.append(' ');
            sql.append(w.frame().unit().name()).append(" BETWEEN ").append(w.frame().start().sql())
                    .append(" AND ").append(w.frame().end().sql());
        }
        sql.append(')');
    }

    /**
     * {@code agg(x) FILTER (WHERE cond)}, or without FILTER {@code agg(CASE WHEN cond THEN x END)}: see
     * {@link SqlCompiler#visitAggregateFilter}.
     */
    static void aggregateFilter(SqlCompiler c, AggregateFilter<?> f) {
        StringBuilder sql = c.sql;
        if (c.features.supportsFilterClause()) {
            c.visit(f.aggregate());
            sql.append(" FILTER (WHERE ");
            c.visit(f.condition());
            sql.append(')');
            return;
        }
        // aggregates skip NULLs, so feeding them NULL for rows outside the filter is the same thing
        FunctionCall<?> a = f.aggregate();
        sql.append(c.functionName(a.name())).append('(');
        if (a.distinct()) sql.append("DISTINCT ");
        for (int i = 0; i < a.args().size(); i++) {
            if (i > 0) sql.append(", ");
            if (i > 0) { c.visit(a.args().get(i)); continue; }
            sql.append("CASE WHEN ");
            c.visit(f.condition());
            sql.append(" THEN ");
            if (a.args().get(0) instanceof Star) sql.append('1');
            else c.visit(a.args().get(0));
            sql.append(" END");
        }
        sql.append(')');
    }
}
