package org.athanor.core.compile;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.*;

/**
 * The default rendering of FROM items other than a table: derived tables (subqueries, compound
 * subqueries, LATERAL), VALUES tables and joins. A derived table never correlates with the enclosing
 * query. {@link SqlCompiler}'s visitors delegate here.
 */
final class FromRenderer {
    private FromRenderer() {}

    /** See {@link SqlCompiler#visitSubquery}. */
    static void subquery(SqlCompiler c, Subquery s) {
        // A derived table cannot see the enclosing query's tables (only LATERAL could): never correlate it.
        List<List<Table>> outer = new ArrayList<>(c.enclosingFroms);
        c.enclosingFroms.clear();
        c.subquery(s.select());
        c.enclosingFroms.addAll(outer);
        c.sql.append(c.tableAliasKeyword());
        c.appendIdentifier(s.name());
    }

    /** See {@link SqlCompiler#visitCompoundSubquery}. */
    static void compoundSubquery(SqlCompiler c, CompoundSubquery s) {
        // like any derived table (see visitSubquery), it cannot see the enclosing query's tables
        List<List<Table>> outer = new ArrayList<>(c.enclosingFroms);
        c.enclosingFroms.clear();
        c.subquery(s.query());
        c.enclosingFroms.addAll(outer);
        c.sql.append(c.tableAliasKeyword());
        c.appendIdentifier(s.name());
    }

    /** See {@link SqlCompiler#visitValues}. */
    static void values(SqlCompiler c, Values v) {
        List<List<Table>> outer = new ArrayList<>(c.enclosingFroms); // a derived table: never correlated
        c.enclosingFroms.clear();
        boolean q = c.qualifyColumns, sl = c.inSelectList;
        c.qualifyColumns = true;
        c.inSelectList = false;
        List<Column<?>> cols = v.columns();
        c.sql.append('(');
        if (c.features.supportsValuesColumnList()) {
            c.sql.append("VALUES ");
            for (int r = 0; r < v.rows().size(); r++) {
                if (r > 0) c.sql.append(", ");
                c.sql.append('(');
                c.list(v.rows().get(r), ", ");
                c.sql.append(')');
            }
            c.sql.append(')').append(c.tableAliasKeyword());
            c.appendIdentifier(v.name()).append(" (");
            for (int k = 0; k < cols.size(); k++) {
                if (k > 0) c.sql.append(", ");
                c.appendIdentifier(cols.get(k).name());
            }
            c.sql.append(')');
        } else {
            for (int r = 0; r < v.rows().size(); r++) {
                c.sql.append(r > 0 ? " UNION ALL SELECT " : "SELECT ");
                List<Expression<?>> row = v.rows().get(r);
                for (int k = 0; k < row.size(); k++) {
                    if (k > 0) c.sql.append(", ");
                    c.visit(row.get(k));
                    if (r == 0) {
                        c.sql.append(" AS ");
                        c.appendIdentifier(cols.get(k).name());
                    }
                }
            }
            c.sql.append(')').append(c.tableAliasKeyword());
            c.appendIdentifier(v.name());
        }
        c.qualifyColumns = q;
        c.inSelectList = sl;
        c.enclosingFroms.addAll(outer);
    }

    /** See {@link SqlCompiler#visitJoin}. */
    static void join(SqlCompiler c, Join j) {
        if (j.type() == JoinType.FULL && !c.features.supportsFullJoin()) throw c.unsupported("FULL OUTER JOIN");
        if (j.type() == JoinType.RIGHT && !c.features.supportsRightJoin()) throw c.unsupported("RIGHT OUTER JOIN");
        c.visit(j.left());
        c.sql.append(' ').append(j.type().sql()).append(' ');
        if (j.right() instanceof Join) {
            c.sql.append('(');
            c.visit(j.right());
            c.sql.append(')');
        } else {
            c.visit(j.right());
        }
        if (j.on() != null) {
            c.sql.append(" ON ");
            c.visit(j.on());
        }
    }

    /** See {@link SqlCompiler#visitLateral}. */
    static void lateral(SqlCompiler c, Lateral l) {
        if (!c.features.supportsLateral()) throw c.unsupported("LATERAL");
        c.sql.append("LATERAL ");
        c.subquery(l.select());
        c.sql.append(c.tableAliasKeyword());
        c.appendIdentifier(l.name());
    }

    /** See {@link SqlCompiler#visitTable}. */
    static void table(SqlCompiler c, Table t) {
        if (t.schema() != null) c.appendIdentifier(t.schema()).append('.');
        c.appendIdentifier(t.name());
        if (t.alias() != null) {
            c.sql.append(c.tableAliasKeyword());
            c.appendIdentifier(c.aliasOf(t));
        }
    }
}
