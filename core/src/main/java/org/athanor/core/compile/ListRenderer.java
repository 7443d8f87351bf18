package org.athanor.core.compile;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.sql.*;

/**
 * The default rendering of lists of values: IN lists (expanding ones padded to their bucket, or bound
 * as one value over the bind-parameter limit), a list bound to a {@code text()} parameter, and an IN
 * list's values as one JSON array. {@link SqlCompiler}'s visitors and hooks delegate here.
 */
final class ListRenderer {
    private ListRenderer() {}

    /** See {@link SqlCompiler#visitInList}. */
    static void inList(SqlCompiler c, InList in) {
        List<Param<?>> given = c.key.expansion(in); // a list given at execution for a named parameter
        List<? extends Expression<?>> items = given != null ? given : in.items();
        boolean expanding = given != null || in.expanding();
        if (items.isEmpty()) {
            // x IN () is false and x NOT IN () true, whatever x is (SQLAlchemy's empty-IN semantics).
            c.sql.append(in.negated() ? c.trueSql() : c.falseSql());
            return;
        }
        if (c.listsAsOneParameter && expanding && !c.literalBinds()) {
            // a list given at execution is bound as one parameter too, like a list built into the statement
            c.boundList(given != null ? new InList(in.operand(), new ArrayList<Expression<?>>(given), in.negated()) : in);
            return;
        }
        c.operand(in.operand());
        c.sql.append(in.negated() ? " NOT IN (" : " IN (");
        int start = expanding && !c.literalBinds() ? c.key.paramStart(in) : -1;
        if (start >= 0) {
            // the c.key walked the list padded to its bucket, repeating the last value (see InList): bind
            // by position, so that a cached form serves every length of the bucket
            for (int i = 0, n = items.size(), b = InList.bucket(n); i < b; i++) {
                if (i > 0) c.sql.append(", ");
                c.addSlot(start + i, (Param<?>) items.get(Math.min(i, n - 1)));
                c.sql.append('?');
            }
        } else {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) c.sql.append(", ");
                c.visit(items.get(i));
            }
        }
        c.sql.append(')');
    }

    /** See {@link SqlCompiler#jsonArray}. */
    static String jsonArray(SqlCompiler c, InList in) {
        StringBuilder json = new StringBuilder(in.items().size() * 8).append('[');
        boolean first = true;
        for (Object v : SqlCompiler.listValues(in)) {
            if (!first) json.append(',');
            first = false;
            if (v == null) json.append("null");
            else if (v instanceof Boolean b) json.append(b ? '1' : '0');
            else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) json.append(v);
            else if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) json.append(v);
            else if (v instanceof String s) jsonString(json, s);
            else throw new CompileError("an IN list of " + in.items().size() + " values is over " + c.dialect.name() + "'s "
                    + c.features.maxBindParams() + " bind parameters, and its " + v.getClass().getSimpleName() + " values cannot be "
                    + "bound as one JSON array (strings, integers, finite floats and booleans can): split the list over several statements");
        }
        return json.append(']').toString();
    }

    /** See {@link SqlCompiler#visitParamList}. */
    static void paramList(SqlCompiler c, org.athanor.core.sql.ParamList list) {
        List<Param<?>> items = list.items();
        if (items.isEmpty()) {
            // an empty set, so that IN is false and NOT IN true; typed where the type is known, since
            // PostgreSQL will not compare a bigint with an untyped NULL
            c.sql.append("(SELECT ").append(list.elementType() == null ? "NULL" : "CAST(NULL AS " + c.dialect.castTypeName(list.elementType()) + ")")
                    .append(" WHERE ").append(c.falseSql()).append(')');
            return;
        }
        c.sql.append('(');
        int start = c.literalBinds() ? -1 : c.key.paramStart(list);
        for (int i = 0, n = items.size(), b = InList.bucket(n); i < (start >= 0 ? b : n); i++) {
            if (i > 0) c.sql.append(", ");
            Param<?> p = items.get(Math.min(i, n - 1));
            if (start >= 0) {
                c.addSlot(start + i, p);
                c.sql.append('?');
            } else c.visit(p);
        }
        c.sql.append(')');
    }

    private static void jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }

    /** See {@link SqlCompiler#boundList}: the refusal of a dialect without a form binding a list as one value. */
    static CompileError noBoundList(SqlCompiler c, InList in) {
        return new CompileError("an IN list of " + in.items().size() + " values takes more bind parameters than "
                + c.dialect.name() + " accepts in one statement (" + c.features.maxBindParams() + ") and " + c.dialect.name()
                + " has no form binding a list as one value: split the list over several statements, or load the values "
                + "into a table and use IN (SELECT ...)");
    }

    /** See {@link SqlCompiler#listValues}. */
    static List<Object> listValues(InList in) {
        List<Object> out = new ArrayList<>(in.items().size());
        for (Expression<?> e : in.items()) out.add(((Param<?>) e).value());
        return out;
    }

    /** See {@link SqlCompiler#visitParam}: a placeholder bound to the walk's parameter, or a literal for literal binds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void param(SqlCompiler c, Param<?> p) {
        if (c.literalBinds() && p.name() == null) {
            c.sql.append(c.dialect.renderLiteral(p.value(), (org.athanor.core.type.SqlType) p.type()));
            return;
        }
        int at = c.placeholders.next(p);
        if (at < 0 && !c.key.cacheable()) {
            // inside a node without a cache key, whose key() did not walk its parameters: the statement
            // is compiled at every execution, so the parameter is appended to this walk's list
            c.appendExtraParam(p);
            return;
        }
        if (at < 0) throw new IllegalStateException("parameter " + p.value() + " was not met by the key walk");
        c.addSlot(at, p);
        c.sql.append('?');
    }
}
