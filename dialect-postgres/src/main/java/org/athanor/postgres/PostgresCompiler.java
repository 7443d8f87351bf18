package org.athanor.postgres;

import java.util.List;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.FunctionCall;
import org.athanor.core.sql.Like;
import org.athanor.core.sql.Select;
import org.athanor.core.type.TypeKind;

/**
 * PostgreSQL's spelling where it differs from core's ANSI rendering: ILIKE, DISTINCT ON, the
 * TRUE/FALSE constants, and two-argument round() on floating-point values. IS [NOT] DISTINCT FROM,
 * NULLS FIRST/LAST, FOR UPDATE/SHARE [NOWAIT | SKIP LOCKED], UPDATE ... FROM and DELETE ... USING are
 * core's spelling already.
 */
final class PostgresCompiler extends SqlCompiler {
    /** The compiler's dialect with its PostgreSQL-only hooks (the base sees only {@code DialectSpelling}). */
    private final PostgresDialect pg;

    PostgresCompiler(PostgresDialect dialect, boolean literalBinds) {
        super(dialect, literalBinds);
        this.pg = dialect;
    }

    @Override
    protected void ilike(Like l) {
        operand(l.operand());
        sql.append(l.negated() ? " NOT ILIKE " : " ILIKE ");
        operand(l.pattern());
        likeEscape(l);
    }

    @Override
    protected void selectModifiers(Select<?> s) {
        List<Expression<?>> on = s.distinctOn();
        if (!on.isEmpty()) {
            // DISTINCT ON keeps the first row of each group in ORDER BY order; the ORDER BY must start with these
            boolean was = inSelectList;
            inSelectList = false;
            sql.append("DISTINCT ON (");
            list(on, ", ");
            sql.append(") ");
            inSelectList = was;
        } else if (s.isDistinct()) {
            sql.append("DISTINCT ");
        }
    }

    @Override protected String trueSql() { return "TRUE"; }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.athanor.core.sql.Param<?> arrayParam(List<Object> values, org.athanor.core.type.SqlType<?> element) {
        return new org.athanor.core.sql.Param(values, PostgresTypes.arrayOf(element));
    }

    /**
     * A list over the bind-parameter limit goes out as one array parameter: {@code x = ANY(?)}, and
     * {@code x <> ALL(?)} for NOT IN (both keep IN's NULL semantics).
     */
    @Override
    protected void boundList(org.athanor.core.sql.InList in) {
        org.athanor.core.type.SqlType<?> element = in.items().get(0).type();
        String name = pg.arrayElementName(element);
        if (name == null)
            throw new org.athanor.core.error.CompileError("an IN list of " + in.items().size() + " " + element + " values is over "
                    + "PostgreSQL's " + features.maxBindParams() + " bind parameters and " + element + " values cannot be bound "
                    + "as one array (arrays take numbers, booleans, strings and UUIDs): split the list over several statements");
        operand(in.operand());
        sql.append(in.negated() ? " <> ALL(" : " = ANY(");
        appendExtraParam(arrayParam(listValues(in), element));
        sql.append(')');
    }

    /**
     * {@code x = ANY(?)} / {@code x <> ALL(?)}: the list bound as one array of its element type, one statement text
     * for every length. A list of an element type arrays do not take is refused (the caller uses an IN list there).
     */
    @Override
    protected void anyArrayParameter(org.athanor.core.sql.InArray in) {
        org.athanor.core.type.SqlType<?> element = in.values().type();
        if (pg.arrayElementName(element) == null)
            throw new org.athanor.core.error.CompileError("x = ANY(?) binds its list as one PostgreSQL array, and " + element
                    + " values cannot be array elements (numbers, booleans, strings and UUIDs can): use in(values) for "
                    + in.operand());
        if (literalBinds())
            throw new org.athanor.core.error.CompileError("x = ANY(?) binds its list as one parameter; it has no literal form "
                    + "(use in(values) where values are rendered into the SQL)");
        appendParamAs(in.values(), PostgresTypes.arrayOf(element));
    }

    /** {@code x ~ p} / {@code x !~ p}: POSIX regular-expression match, case-sensitive. */
    @Override
    public void visitRegexpMatch(org.athanor.core.sql.RegexpMatch m) {
        operand(m.operand());
        sql.append(m.negated() ? " !~ " : " ~ ");
        operand(m.pattern());
    }

    /** PostgreSQL's regexp_replace replaces the first match only unless given the 'g' flag. */
    @Override
    protected String regexpReplaceAllFlags() { return ", 'g'"; }

    /** {@code nextval('"schema"."name"')}: the name is a regclass literal, so it is quoted inside the string. */
    @Override
    public void visitNextValue(org.athanor.core.sql.NextValue n) {
        Sequences.renderCall(this, "nextval", n.sequence().schema(), n.sequence().name());
    }

    @Override protected String falseSql() { return "FALSE"; }

    @Override
    public void visitFunction(FunctionCall<?> f) {
        // PostgreSQL has round(numeric, int) but no round(double precision, int): round through NUMERIC
        if (f.name().equalsIgnoreCase("round") && f.args().size() == 2 && isFloat(f.args().get(0))) {
            sql.append("round(CAST(");
            visit(f.args().get(0));
            sql.append(" AS NUMERIC), ");
            visit(f.args().get(1));
            sql.append(')');
            return;
        }
        super.visitFunction(f);
    }

    private static boolean isFloat(Expression<?> e) {
        TypeKind k = e.type().kind();
        return k == TypeKind.DOUBLE || k == TypeKind.REAL;
    }

    /**
     * {@code SELECT p0, p1 FROM unnest(CAST(? AS t0[]), CAST(? AS t1[])) WITH ORDINALITY AS athanor_rows (p0, p1, n) ORDER BY n}:
     * the rows of a bulk insert read from one array per column, in order (see {@code PostgresKeys}).
     */
    @Override
    protected void insertFromArrays(List<org.athanor.core.schema.Column<?>> cols, List<Expression<?>> arrays) {
        sql.append(" SELECT ");
        for (int k = 0; k < cols.size(); k++) sql.append(k > 0 ? ", p" : "p").append(k);
        sql.append(" FROM unnest(");
        for (int k = 0; k < cols.size(); k++) {
            if (k > 0) sql.append(", ");
            sql.append("CAST(");
            visit(arrays.get(k));
            sql.append(" AS ").append(dialect.castTypeName(elementType(cols.get(k).type()))).append("[])");
        }
        sql.append(") WITH ORDINALITY AS athanor_rows (");
        for (int k = 0; k < cols.size(); k++) sql.append('p').append(k).append(", ");
        sql.append("n) ORDER BY n");
    }

    /**
     * The array element type: the column's, except that strings are unbounded VARCHAR — a cast to
     * VARCHAR(n) cuts an over-long value short without a word, where the assignment to the column
     * rejects it.
     */
    private static org.athanor.core.type.SqlType<?> elementType(org.athanor.core.type.SqlType<?> t) {
        org.athanor.core.type.SqlType<?> stored = t instanceof org.athanor.core.type.ConvertedType<?, ?> ct ? ct.base() : t;
        return switch (stored.kind()) {
            case VARCHAR, ENUM -> org.athanor.core.type.SqlTypes.VARCHAR;
            default -> stored;
        };
    }
}
