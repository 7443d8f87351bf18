package org.athanor.core.compile;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.*;

/**
 * The default rendering of queries: SELECT with its clauses, the FROM list it implies (with
 * correlation to enclosing queries), and compound selects (UNION, INTERSECT, EXCEPT) with their
 * members. {@link SqlCompiler}'s visitors and hooks delegate here; every clause a dialect may spell
 * differently (modifiers, empty FROM, LIMIT/OFFSET, locking) is called back through the compiler.
 */
final class SelectRenderer {
    private SelectRenderer() {}

    /** See {@link SqlCompiler#visitSelect}. */
    static void select(SqlCompiler c, Select<?> s) {
        c.depth++;
        boolean top = c.depth == 0;
        List<FromItem> froms = c.effectiveFroms(s);
        List<Table> fromTables = new ArrayList<>();
        for (FromItem f : froms) fromTables.addAll(Join.tablesOf(f));
        c.enclosingFroms.addLast(fromTables);
        if (froms.size() > 1) {
            String cartesian = FromLinter.check(c, s, froms);
            if (cartesian != null) c.warn(cartesian);
        }

        StringBuilder sql = c.sql;
        sql.append("SELECT ");
        c.selectModifiers(s);
        List<Expression<?>> cols = s.columns();
        c.inSelectList = true;
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) sql.append(", ");
            Expression<?> e = cols.get(i);
            c.visit(e);
            if (top) c.result(e);
        }
        c.inSelectList = false;
        if (!froms.isEmpty()) {
            sql.append(" FROM ");
            c.list(froms, ", ");
        } else {
            c.emptyFrom();
        }
        if (s.where() != null) {
            sql.append(" WHERE ");
            c.visit(s.where());
        }
        if (!s.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            c.list(s.groupBy(), ", ");
        }
        if (s.having() != null) {
            sql.append(" HAVING ");
            c.visit(s.having());
        }
        if (!s.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            c.list(s.orderBy(), ", ");
        }
        if (s.fetchFirst() != null) c.offsetFetch(s);
        else c.limitOffset(s.limit(), s.offset());
        if (s.lock() != null) c.lock(s.lock());
        c.enclosingFroms.removeLast();
        c.depth--;
    }

    /** See {@link SqlCompiler#effectiveFroms}. */
    static List<FromItem> effectiveFroms(SqlCompiler c, Select<?> s) {
        List<Table> covered = new ArrayList<>();
        for (FromItem f : s.from()) covered.addAll(Join.tablesOf(f));
        List<SqlNode> used = new ArrayList<>(s.columns());
        if (s.where() != null) used.add(s.where());
        used.addAll(s.groupBy());
        if (s.having() != null) used.add(s.having());
        used.addAll(s.orderBy());
        List<Table> implicit = new ArrayList<>();
        for (Table t0 : Select.tablesOf(used)) {
            Table t = c.adapted(t0); // a subquery inside an adapted condition reads the alias
            if (!containsIdentity(covered, t) && !namedByDerived(covered, t) && !containsIdentity(implicit, t)) implicit.add(t);
        }
        if (!implicit.isEmpty() && !c.enclosingFroms.isEmpty()) {
            List<Table> uncorrelated = new ArrayList<>();
            for (Table t : implicit) if (!enclosed(c, t)) uncorrelated.add(t);
            if (!uncorrelated.isEmpty() || !s.from().isEmpty()) implicit = uncorrelated;
        }
        if (implicit.isEmpty()) return s.from();
        List<FromItem> out = new ArrayList<>(s.from());
        out.addAll(implicit);
        return out;
    }

    /** Whether an enclosing select already has {@code t} in its FROM list (so a nested select correlates to it). */
    private static boolean enclosed(SqlCompiler c, Table t) {
        for (List<Table> level : c.enclosingFroms) if (containsIdentity(level, t)) return true;
        return false;
    }

    /**
     * Whether a derived table of the FROM list is named like {@code t} ({@code (...) AS users} and a column of
     * table {@code users}): the database resolves {@code users.x} to it, so adding {@code users} would only make
     * the name ambiguous. The ORM names a polymorphic UNION ALL after the class's table this way.
     */
    private static boolean namedByDerived(List<Table> list, Table t) {
        if (t.isDerived() || t.alias() != null) return false;
        for (Table x : list) if (x.isDerived() && x.qualifier().equalsIgnoreCase(t.name())) return true;
        return false;
    }

    private static boolean containsIdentity(List<Table> list, Table t) {
        for (Table x : list) if (x == t) return true;
        return false;
    }

    /** See {@link SqlCompiler#visitCompoundSelect}. */
    static void compoundSelect(SqlCompiler c, CompoundSelect<?> cs) {
        c.depth++;
        boolean top = c.depth == 0;
        List<? extends Query<?>> members = cs.members();
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                SetOperator op = cs.operators().get(i - 1);
                if (op.isMultisetIntersectOrExcept() && !c.features.supportsIntersectExceptAll()) throw c.unsupported(op.sql());
                c.sql.append(' ').append(op.sql()).append(' ');
            }
            c.setMember(members.get(i), i + 1);
        }
        if (top) for (Expression<?> e : cs.columns()) c.result(e);
        if (!cs.orderBy().isEmpty()) {
            // the ORDER BY of a compound names result columns, which carry no table qualifier
            boolean q = c.qualifyColumns;
            c.qualifyColumns = false;
            c.sql.append(" ORDER BY ");
            c.list(cs.orderBy(), ", ");
            c.qualifyColumns = q;
        }
        c.limitOffset(cs.limit(), cs.offset());
        c.depth--;
    }

    /** See {@link SqlCompiler#setMember}. */
    static void setMember(SqlCompiler c, Query<?> member, int position) {
        boolean wrap = member instanceof CompoundSelect<?>
                || member instanceof Select<?> s && (!s.orderBy().isEmpty() || s.limit() != null || s.offset() != null || s.fetchFirst() != null
                        || s.lock() != null);
        if (!wrap) {
            c.visit(member);
        } else if (c.features.supportsParenthesizedSetMembers()) {
            c.sql.append('(');
            c.visit(member);
            c.sql.append(')');
        } else {
            c.sql.append("SELECT * FROM (");
            c.visit(member);
            c.sql.append(")").append(c.tableAliasKeyword());
            c.appendIdentifier("set_member_" + position);
        }
    }

    /** See {@link SqlCompiler#offsetFetch}. */
    static void offsetFetch(SqlCompiler c, Select<?> s) {
        if (!c.features.supportsFetchFirst()) throw c.unsupported("FETCH FIRST n ROWS (use limit())");
        if (s.fetchWithTies()) {
            if (!c.features.supportsFetchWithTies()) throw c.unsupported("FETCH FIRST n ROWS WITH TIES");
            if (s.orderBy().isEmpty()) throw new CompileError("FETCH FIRST n ROWS WITH TIES needs an ORDER BY: the ties are rows that sort equal");
        }
        if (s.offset() != null) {
            c.sql.append(" OFFSET ");
            c.limitValue(s.offset(), "OFFSET");
            c.sql.append(" ROWS");
        }
        c.sql.append(" FETCH FIRST ");
        c.limitValue(s.fetchFirst(), "FETCH FIRST");
        c.sql.append(s.fetchWithTies() ? " ROWS WITH TIES" : " ROWS ONLY");
    }

    /** See {@link SqlCompiler#limitOffset}. */
    static void limitOffset(SqlCompiler c, Expression<?> limit, Expression<?> offset) {
        if (limit != null) {
            c.sql.append(" LIMIT ");
            c.limitValue(limit, "LIMIT");
        }
        if (offset != null) {
            c.sql.append(" OFFSET ");
            c.limitValue(offset, "OFFSET");
        }
    }

    /** See {@link SqlCompiler#lock}. */
    static void lock(SqlCompiler c, LockMode mode) {
        if (!c.features.supportsForUpdate()) throw c.unsupported("SELECT ... FOR UPDATE");
        if (mode.strength() == LockMode.Strength.SHARE && !c.features.supportsForShare()) throw c.unsupported("FOR SHARE");
        c.sql.append(mode.strength() == LockMode.Strength.UPDATE ? " FOR UPDATE" : " FOR SHARE");
        if (mode.waitMode() == LockMode.Wait.NOWAIT) {
            if (!c.features.supportsNowait()) throw c.unsupported("FOR UPDATE NOWAIT");
            c.sql.append(" NOWAIT");
        } else if (mode.waitMode() == LockMode.Wait.SKIP_LOCKED) {
            if (!c.features.supportsSkipLocked()) throw c.unsupported("FOR UPDATE SKIP LOCKED");
            c.sql.append(" SKIP LOCKED");
        }
    }

    /** See {@link SqlCompiler#limitValue}. */
    static void limitValue(SqlCompiler c, Expression<?> e, String clause) {
        if (!(e instanceof Param<?>) && !(e instanceof Literal<?>) && !c.features.supportsLimitExpressions())
            throw c.unsupported(clause + " given as an expression other than a bind parameter or literal");
        c.operand(e);
    }

    /** See {@link SqlCompiler#selectModifiers}. */
    static void modifiers(SqlCompiler c, Select<?> s) {
        if (!s.distinctOn().isEmpty()) throw c.unsupported("DISTINCT ON");
        if (s.isDistinct()) c.sql.append("DISTINCT ");
    }

    /** See {@link SqlCompiler#visitOrderItem}. */
    static void orderItem(SqlCompiler c, OrderItem o) {
        c.visit(o.expression());
        if (o.descending()) c.sql.append(" DESC");
        c.nullsOrder(o);
    }

    /** See {@link SqlCompiler#nullsOrder}. */
    static void nullsOrder(SqlCompiler c, OrderItem o) {
        if (o.nulls() == OrderItem.Nulls.FIRST) c.sql.append(" NULLS FIRST");
        else if (o.nulls() == OrderItem.Nulls.LAST) c.sql.append(" NULLS LAST");
    }
}
