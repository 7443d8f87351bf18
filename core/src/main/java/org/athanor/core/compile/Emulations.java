package org.athanor.core.compile;

import java.util.List;
import org.athanor.core.sql.*;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.schema.Column;

/**
 * Faithful rewrites of constructs some databases lack, rendered through core nodes only: each
 * keeps the construct's results (NULLs included). {@link SqlCompiler} calls them where the dialect's
 * {@code DialectFeatures} say the syntax is missing; a dialect may override the compiler's hook.
 */
final class Emulations {
    private Emulations() {}

    /** See {@link SqlCompiler#lagLeadWithDefault}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void lagLeadWithDefault(SqlCompiler c, FunctionCall<?> f, Window w) {
        Expression<?> offset = f.args().get(1);
        if (!(offset instanceof Literal<?> lit) || !(lit.value() instanceof Number n))
            throw c.unsupported(f.name() + "(x, offset, default) with a non-constant offset");
        long k = n.longValue();
        boolean lag = f.name().equals("lag");
        Window counting = lag ? w.rows(FrameBound.preceding(k), FrameBound.currentRow())
                : w.rows(FrameBound.currentRow(), FrameBound.following(k));
        c.sql.append("CASE WHEN ");
        c.visit(new Over<>(Sql.count(), counting));
        c.sql.append(" > ").append(k).append(" THEN ");
        c.visit(new Over<>(new FunctionCall(f.name(), List.of(f.args().get(0), offset), f.type(), false), w));
        c.sql.append(" ELSE ");
        c.visit(f.args().get(2));
        c.sql.append(" END");
    }

    /** See {@link SqlCompiler#quantifiedComparison}. */
    static void quantifiedComparison(SqlCompiler c, Comparison cmp, Quantified<?> q) {
        Select<?> s = q.select();
        Expression<?> col = s.columns().get(0);
        if (col instanceof Label<?> l) col = l.expression();
        boolean any = q.quantifier() == Quantified.Quantifier.ANY;
        String yes = c.dialect.renderLiteral(true, SqlTypes.BOOLEAN), no = c.dialect.renderLiteral(false, SqlTypes.BOOLEAN);
        Comparison each;
        Select<?> probe;
        if (col instanceof Column<?> && s.groupBy().isEmpty() && s.having() == null && s.limit() == null && s.offset() == null
                && !s.isDistinct()) {
            // a plain column of a plain select: test each row in the select itself, which keeps any
            // correlation it has with the enclosing query
            each = new Comparison(cmp.left(), cmp.op(), col);
            probe = s.withColumns(Sql.literal(1));
        } else {
            // grouped, limited or computed: compare against its rows as a derived table
            Subquery rows = s.withColumns(col.as("quantified_value")).subquery("quantified");
            each = new Comparison(cmp.left(), cmp.op(), rows.column("quantified_value"));
            probe = Sql.select(Sql.literal(1)).from(rows);
        }
        c.sql.append("CASE WHEN ");
        c.visit(new Exists(probe.where(any ? each : new Not(each))));
        c.sql.append(" THEN ").append(any ? yes : no).append(" WHEN ");
        c.visit(new Exists(probe.where(new IsNull(each, false))));
        c.sql.append(" THEN NULL ELSE ").append(any ? no : yes).append(" END");
    }

    /** See {@link SqlCompiler#deleteUsingAsExists}. */
    static void deleteUsingAsExists(SqlCompiler c, Delete d) {
        Select<?> probe = Sql.select(Sql.literal(1)).from(d.using().toArray(FromItem[]::new));
        if (d.where() != null) probe = probe.where(d.where());
        c.sql.append(" WHERE ");
        c.visit(new Exists(probe));
    }
}
