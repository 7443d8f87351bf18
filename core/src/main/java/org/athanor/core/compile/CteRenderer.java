package org.athanor.core.compile;

import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.sql.*;

/**
 * The default rendering of common table expressions: the {@code WITH [RECURSIVE]} clause, statements
 * that carry one, and references to a CTE, which must sit inside the WITH that declares it.
 * {@link SqlCompiler}'s visitors and hooks delegate here; the set of declared CTEs stays on the
 * compiler, which already holds the rest of the per-statement state.
 */
final class CteRenderer {
    private CteRenderer() {}

    /** See {@link SqlCompiler#visitCte}. */
    static void cte(SqlCompiler c, Cte cte) {
        if (!c.rendering && !c.declaredCtes.contains(cte.definition()))
            throw new CompileError("common table expression " + cte.cteName() + " is used but not declared: "
                    + "wrap the statement with Sql.with(" + cte.cteName() + ").query(...) or select.with(" + cte.cteName() + ")");
        c.appendIdentifier(cte.cteName());
        if (cte.alias() != null) {
            c.sql.append(c.tableAliasKeyword());
            c.appendIdentifier(cte.alias());
        }
    }

    /** See {@link SqlCompiler#visitWithDml}. */
    static void withDml(SqlCompiler c, WithDml w) {
        if (!(w.body() instanceof Insert) && !c.features.supportsCteBeforeUpdateAndDelete())
            throw c.unsupported("WITH before UPDATE or DELETE (use the CTE's query as a subquery instead)");
        c.withClause(w.ctes());
        c.visit(w.body());
    }

    /** See {@link SqlCompiler#withClause}. */
    static void withClause(SqlCompiler c, List<Cte> ctes) {
        if (!c.features.supportsCte()) throw c.unsupported("WITH (common table expressions)");
        StringBuilder sql = c.sql;
        sql.append("WITH ");
        for (Cte cte : ctes) if (cte.isRecursive()) { sql.append("RECURSIVE "); break; }
        c.depth++; // CTE bodies are nested queries: they give no result columns
        for (int i = 0; i < ctes.size(); i++) {
            Cte cte = ctes.get(i);
            if (i > 0) sql.append(", ");
            if (cte.isRecursive()) c.declaredCtes.add(cte.definition());
            c.appendIdentifier(cte.cteName());
            sql.append('(');
            for (int j = 0; j < cte.columns().size(); j++) {
                if (j > 0) sql.append(", ");
                c.appendIdentifier(cte.columns().get(j).name());
            }
            sql.append(") AS ");
            c.subquery(cte.query());
            c.declaredCtes.add(cte.definition());
        }
        c.depth--;
        sql.append(' ');
    }
}
