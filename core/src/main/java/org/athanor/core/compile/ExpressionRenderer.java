package org.athanor.core.compile;

import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.*;

/**
 * The default rendering of operators and scalar expressions: comparisons, arithmetic, boolean lists,
 * NOT, IS [NOT] NULL / DISTINCT FROM, BETWEEN, LIKE, regular expressions, CASE, CAST and EXTRACT.
 * {@link SqlCompiler}'s visitors and hooks delegate here; what a dialect spells differently is called
 * back through the compiler ({@code operatorSql}, {@code concat}, {@code ilike}, {@code trueSql} ...).
 */
final class ExpressionRenderer {
    private ExpressionRenderer() {}

    /** See {@link SqlCompiler#visitComparison}. */
    static void comparison(SqlCompiler c, Comparison cmp) {
        if (cmp.right() instanceof Quantified<?> q && !c.features.supportsQuantifiedComparison()) {
            c.quantifiedComparison(cmp, q);
            return;
        }
        c.operand(cmp.left());
        c.sql.append(' ').append(cmp.op().sql()).append(' ');
        c.operand(cmp.right());
    }

    /** See {@link SqlCompiler#visitBooleanList}. */
    static void booleanList(SqlCompiler c, BooleanList b) {
        if (b.items().isEmpty()) {
            // An empty AND is true and an empty OR false, as in SQLAlchemy's and_()/or_().
            c.sql.append(b.op() == Operator.AND ? c.trueSql() : c.falseSql());
            return;
        }
        String sep = b.op() == Operator.AND ? " AND " : " OR ";
        for (int i = 0; i < b.items().size(); i++) {
            if (i > 0) c.sql.append(sep);
            Expression<Boolean> item = b.items().get(i);
            if (item instanceof BooleanList) {
                c.sql.append('(');
                c.visit(item);
                c.sql.append(')');
            } else {
                c.visit(item);
            }
        }
    }

    /** See {@link SqlCompiler#visitNot}. */
    static void not(SqlCompiler c, Not n) {
        c.sql.append("NOT ");
        if (n.operand() instanceof Exists) c.visit(n.operand());
        else {
            c.sql.append('(');
            c.visit(n.operand());
            c.sql.append(')');
        }
    }

    /** See {@link SqlCompiler#visitLike}. */
    static void like(SqlCompiler c, Like l) {
        if (l.caseInsensitive()) {
            c.ilike(l);
            return;
        }
        c.operand(l.operand());
        c.sql.append(l.negated() ? " NOT LIKE " : " LIKE ");
        c.operand(l.pattern());
        c.likeEscape(l);
    }

    /** See {@link SqlCompiler#ilike}. */
    static void ilike(SqlCompiler c, Like l) {
        c.sql.append("lower(");
        c.visit(l.operand());
        c.sql.append(l.negated() ? ") NOT LIKE lower(" : ") LIKE lower(");
        c.visit(l.pattern());
        c.sql.append(')');
        c.likeEscape(l);
    }

    /** See {@link SqlCompiler#visitRegexpReplace}. */
    static void regexpReplace(SqlCompiler c, RegexpReplace r) {
        c.sql.append("regexp_replace(");
        c.visit(r.operand());
        c.sql.append(", ");
        c.visit(r.pattern());
        c.sql.append(", ");
        c.visit(r.replacement());
        c.sql.append(c.regexpReplaceAllFlags()).append(')');
    }

    /** See {@link SqlCompiler#visitCase}. */
    static void caseWhen(SqlCompiler c, Case<?> node) {
        c.sql.append("CASE");
        if (node.subject() != null) {
            c.sql.append(' ');
            c.operand(node.subject());
        }
        for (Case.When w : node.whens()) {
            c.sql.append(" WHEN ");
            c.visit(w.condition());
            c.sql.append(" THEN ");
            c.operand(w.result());
        }
        if (node.otherwise() != null) {
            c.sql.append(" ELSE ");
            c.operand(node.otherwise());
        }
        c.sql.append(" END");
    }

    /** See {@link SqlCompiler#visitExtract}. */
    static void extract(SqlCompiler c, Extract e) {
        if (e.part() == DatePart.SECOND) c.sql.append("FLOOR(");
        c.sql.append("EXTRACT(").append(e.part().sql()).append(" FROM ");
        c.visit(e.operand());
        c.sql.append(')');
        if (e.part() == DatePart.SECOND) c.sql.append(')');
    }

    /** See {@link SqlCompiler#visitBetween}. */
    static void between(SqlCompiler c, Between b) {
        c.operand(b.operand());
        c.sql.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
        c.operand(b.low());
        c.sql.append(" AND ");
        c.operand(b.high());
    }

    /** See {@link SqlCompiler#visitBinary}. */
    static void binary(SqlCompiler c, Binary<?> b) {
        if (b.op() == Operator.CONCAT) { c.concat(b.left(), b.right()); return; }
        c.operand(b.left());
        c.sql.append(' ').append(c.operatorSql(b.op())).append(' ');
        c.operand(b.right());
    }

    /** See {@link SqlCompiler#visitIsNull}. */
    static void isNull(SqlCompiler c, IsNull n) {
        c.operand(n.operand());
        c.sql.append(n.negated() ? " IS NOT NULL" : " IS NULL");
    }

    /** See {@link SqlCompiler#visitInArray}. */
    static void inArray(SqlCompiler c, InArray in) {
        if (!c.features.supportsAnyArray())
            throw new CompileError(c.dialect.name() + " has no form binding an IN list as one array parameter (" + in.operand()
                    + (in.negated() ? " <> ALL(?)" : " = ANY(?)") + "; DialectFeatures.supportsAnyArray() is false): use in(values), "
                    + "an IN list, for this database");
        c.operand(in.operand());
        c.sql.append(in.negated() ? " <> ALL(" : " = ANY(");
        c.anyArrayParameter(in);
        c.sql.append(')');
    }

    /** See {@link SqlCompiler#visitIsDistinct}. */
    static void isDistinct(SqlCompiler c, IsDistinct d) {
        c.operand(d.left());
        c.sql.append(d.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
        c.operand(d.right());
    }

    /** See {@link SqlCompiler#visitRegexpMatch}. */
    static void regexpMatch(SqlCompiler c, RegexpMatch m) {
        c.operand(m.operand());
        c.sql.append(m.negated() ? " NOT REGEXP " : " REGEXP ");
        c.operand(m.pattern());
    }

    /** See {@link SqlCompiler#visitFunction}. */
    static void function(SqlCompiler c, FunctionCall<?> f) {
        c.sql.append(c.functionName(f.name())).append('(');
        if (f.distinct()) c.sql.append("DISTINCT ");
        c.list(f.args(), ", ");
        c.sql.append(')');
    }

    /** See {@link SqlCompiler#visitCast}. */
    static void cast(SqlCompiler c, Cast<?> node) {
        c.sql.append("CAST(");
        c.visit(node.operand());
        c.sql.append(" AS ").append(c.dialect.castTypeName(node.type())).append(')');
    }

    /** See {@link SqlCompiler#visitNextValue}. */
    static void nextValue(SqlCompiler c, NextValue n) {
        if (!c.features.supportsSequences()) throw c.unsupported("sequences (NEXT VALUE FOR " + n.sequence().name() + ")");
        c.sql.append("NEXT VALUE FOR ");
        if (n.sequence().schema() != null) c.appendIdentifier(n.sequence().schema()).append('.');
        c.appendIdentifier(n.sequence().name());
    }

    /** See {@link SqlCompiler#visitQuantified}. */
    static void quantified(SqlCompiler c, Quantified<?> q) {
        if (!c.features.supportsQuantifiedComparison())
            throw c.unsupported(q.quantifier() + " (subquery) outside a comparison");
        c.sql.append(q.quantifier().name()).append(' ');
        c.subquery(q.select());
    }

    /** See {@link SqlCompiler#visitTuple}. */
    static void tuple(SqlCompiler c, Tuple t) {
        if (!c.features.supportsTupleIn()) throw c.unsupported("a row value (tuple) expression");
        c.sql.append('(');
        c.list(t.items(), ", ");
        c.sql.append(')');
    }

    /** See {@link SqlCompiler#visitLabel}. */
    static void label(SqlCompiler c, Label<?> l) {
        if (c.inSelectList) {
            boolean was = c.inSelectList;
            c.inSelectList = false;
            c.visit(l.expression());
            c.inSelectList = was;
            c.sql.append(" AS ");
            c.appendIdentifier(l.name());
        } else {
            c.appendIdentifier(l.name());
        }
    }

    /** See {@link SqlCompiler#visitColumn}. */
    static void column(SqlCompiler c, Column<?> col) {
        if (c.qualifyColumns) {
            Table t = c.adapted(col.table());
            if (t.alias() == null && t.schema() != null && !t.isDerived()) c.appendIdentifier(t.schema()).append('.');
            c.appendIdentifier(c.qualifier(t)).append('.');
        }
        c.appendIdentifier(col.name());
    }

    /** See {@link SqlCompiler#operand}. */
    static void operand(SqlCompiler c, Expression<?> e) {
        if (c.needsParens(e)) {
            c.sql.append('(');
            c.visit(e);
            c.sql.append(')');
        } else {
            c.visit(e);
        }
    }

    /** See {@link SqlCompiler#needsParens}. */
    static boolean isOperator(Expression<?> e) {
        return e instanceof Binary<?> || e instanceof Comparison || e instanceof BooleanList || e instanceof Like
                || e instanceof IsNull || e instanceof Between || e instanceof InList || e instanceof InSelect
                || e instanceof InArray || e instanceof IsDistinct || e instanceof RegexpMatch || e instanceof Not || e instanceof Unary<?> || e instanceof Text;
    }

    /** See {@link SqlCompiler#concat}. */
    static void concat(SqlCompiler c, Expression<?> left, Expression<?> right) {
        c.operand(left);
        c.sql.append(" || ");
        c.operand(right);
    }

    /** See {@link SqlCompiler#visitUnary}. */
    static void unary(SqlCompiler c, Unary<?> u) {
        c.sql.append(u.op().sql());
        c.operand(u.operand());
    }

    /** See {@link SqlCompiler#visitInSelect}. */
    static void inSelect(SqlCompiler c, InSelect in) {
        c.operand(in.operand());
        c.sql.append(in.negated() ? " NOT IN " : " IN ");
        c.subquery(in.subquery());
    }

    /** See {@link SqlCompiler#visitExists}. */
    static void exists(SqlCompiler c, Exists e) {
        c.sql.append("EXISTS ");
        c.subquery(e.select());
    }

    /** See {@link SqlCompiler#subquery}. */
    static void subquery(SqlCompiler c, SqlNode select) {
        boolean q = c.qualifyColumns, sl = c.inSelectList;
        c.qualifyColumns = true;
        c.inSelectList = false;
        c.sql.append('(');
        c.visit(select);
        c.sql.append(')');
        c.qualifyColumns = q;
        c.inSelectList = sl;
    }

    /** See {@link SqlCompiler#visitText}. */
    static void text(SqlCompiler c, Text t) {
        java.util.List<String> frags = t.fragments();
        java.util.List<String> names = t.parameterNames();
        for (int i = 0; i < frags.size(); i++) {
            c.sql.append(frags.get(i));
            if (i < names.size()) c.visit(t.parameter(names.get(i)));
        }
    }

    /** See {@link SqlCompiler#visitAdapted}. */
    static void adapted(SqlCompiler c, Adapted a) {
        java.util.Map<Table, Table> outer = c.adaptations;
        c.adaptations = new java.util.IdentityHashMap<>(outer == null ? java.util.Map.of() : outer);
        c.adaptations.put(a.from(), a.to());
        try {
            c.visit(a.expression());
        } finally {
            c.adaptations = outer;
        }
    }
}
