package org.athanor.core.compile;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.*;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * The default rendering of INSERT, UPDATE and DELETE and their clauses (VALUES, ON CONFLICT, SET,
 * RETURNING, UPDATE ... FROM, DELETE ... USING). {@link SqlCompiler}'s visitors and hooks delegate
 * here; every step a dialect may override is called back through the compiler, so an override still
 * takes effect in the middle of a statement rendered by this class.
 */
final class DmlRenderer {
    private DmlRenderer() {}

    /** See {@link SqlCompiler#visitInsert}. */
    static void insert(SqlCompiler c, Insert i) {
        c.depth++;
        c.sql.append("INSERT INTO ");
        c.visitTable(i.table());
        List<Column<?>> cols = i.columns();
        if (i.select() != null) {
            c.columnList(cols);
            c.sql.append(' ');
            boolean q = c.qualifyColumns;
            c.visit(i.select());
            c.qualifyColumns = q;
        } else if (i.isDefaultValues() || cols.isEmpty()) {
            c.defaultValues();
        } else {
            c.columnList(cols);
            List<List<Expression<?>>> rows = i.rows();
            if (rows.size() > 1 && !c.features.supportsMultiRowInsert()) throw c.unsupported("multi-row INSERT ... VALUES");
            boolean arrays = i.isColumnArrays();
            if (arrays && !c.features.insertFromArrays()) throw c.unsupported("INSERT of column arrays");
            if (arrays || i.isInRowOrder() && rows.size() > 1 && c.features.orderedInsertSelect()) {
                if (arrays) c.insertFromArrays(cols, rows.get(0));
                else orderedValues(c, cols, rows);
                if (i.onConflictClause() != null) c.visit(i.onConflictClause());
                c.returning(i.returningColumns(), c.features.supportsReturning(), "INSERT ... RETURNING");
                c.depth--;
                return;
            }
            c.sql.append(" VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) c.sql.append(", ");
                c.sql.append('(');
                c.list(rows.get(r), ", ");
                c.sql.append(')');
            }
        }
        if (i.onConflictClause() != null) c.visit(i.onConflictClause());
        c.returning(i.returningColumns(), c.features.supportsReturning(), "INSERT ... RETURNING");
        c.depth--;
    }

    /**
     * {@code SELECT p0, p1 FROM (VALUES (CAST(? AS t0), CAST(? AS t1), 0), ...) AS athanor_rows (p0, p1, n) ORDER BY n}:
     * the rows of an INSERT in their order (see {@link Insert#inRowOrder()}); each value is cast to its
     * column's type, since a VALUES list in FROM gives its columns no type of their own.
     */
    private static void orderedValues(SqlCompiler c, List<Column<?>> cols, List<List<Expression<?>>> rows) {
        StringBuilder sql = c.sql;
        selectRowColumns(sql, cols.size());
        sql.append(" FROM (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) sql.append(", ");
            sql.append('(');
            List<Expression<?>> row = rows.get(r);
            for (int k = 0; k < row.size(); k++) {
                c.visit(Sql.cast(row.get(k), castType(cols.get(k).type())));
                sql.append(", ");
            }
            sql.append(r).append(')');
        }
        sql.append(')');
        orderByRowNumber(sql, cols.size());
    }

    /** {@code  SELECT p0, p1, ...}: the row source's value columns, in the INSERT's column order. */
    private static void selectRowColumns(StringBuilder sql, int n) {
        sql.append(" SELECT ");
        for (int k = 0; k < n; k++) sql.append(k > 0 ? ", p" : "p").append(k);
    }

    /** {@code  AS athanor_rows (p0, p1, ..., n) ORDER BY n}: names the row source's columns and keeps the rows in order. */
    private static void orderByRowNumber(StringBuilder sql, int n) {
        sql.append(" AS athanor_rows (");
        for (int k = 0; k < n; k++) sql.append('p').append(k).append(", ");
        sql.append("n) ORDER BY n");
    }

    /**
     * The type a row value is cast to before the INSERT assigns it to its column: the column's type,
     * except that strings are cast to unbounded VARCHAR — an explicit cast to VARCHAR(n) cuts an
     * over-long value short without a word (PostgreSQL), where the assignment to the column rejects it.
     */
    private static SqlType<?> castType(SqlType<?> t) {
        SqlType<?> stored = t instanceof org.athanor.core.type.ConvertedType<?, ?> ct ? ct.base() : t;
        return switch (stored.kind()) {
            case VARCHAR, ENUM -> SqlTypes.VARCHAR;
            default -> stored;
        };
    }

    /** See {@link SqlCompiler#visitOnConflict}. */
    static void onConflict(SqlCompiler c, OnConflict oc) {
        c.sql.append(" ON CONFLICT");
        if (!oc.keys().isEmpty()) {
            c.sql.append(" (");
            for (int i = 0; i < oc.keys().size(); i++) {
                if (i > 0) c.sql.append(", ");
                c.appendIdentifier(oc.keys().get(i).name());
            }
            c.sql.append(')');
        }
        if (oc.doesNothing()) {
            c.sql.append(" DO NOTHING");
            return;
        }
        c.sql.append(" DO UPDATE SET ");
        c.assignments(oc.assignments(), null);
    }

    /** See {@link SqlCompiler#assignments}. */
    static void assignments(SqlCompiler c, List<Update.Assignment> list, String qualifier) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) c.sql.append(", ");
            Update.Assignment a = list.get(i);
            if (qualifier != null) c.appendIdentifier(qualifier).append('.');
            c.appendIdentifier(a.column().name());
            c.sql.append(" = ");
            c.visit(a.value());
        }
    }

    /** See {@link SqlCompiler#columnList}. */
    static void columnList(SqlCompiler c, List<Column<?>> cols) {
        c.sql.append(" (");
        for (int k = 0; k < cols.size(); k++) {
            if (k > 0) c.sql.append(", ");
            c.appendIdentifier(cols.get(k).name());
        }
        c.sql.append(')');
    }

    /** See {@link SqlCompiler#returning}. */
    static void returning(SqlCompiler c, List<Expression<?>> cols, boolean supported, String construct) {
        if (cols.isEmpty()) return;
        if (!supported) throw c.unsupported(construct);
        boolean q = c.qualifyColumns;
        c.qualifyColumns = false;
        c.sql.append(" RETURNING ");
        c.inSelectList = true;
        for (int k = 0; k < cols.size(); k++) {
            if (k > 0) c.sql.append(", ");
            c.visit(cols.get(k));
            if (c.depth == 0) c.result(cols.get(k));
        }
        c.inSelectList = false;
        c.qualifyColumns = q;
    }

    /** See {@link SqlCompiler#visitUpdate}. */
    static void update(SqlCompiler c, Update u) {
        if (u.assignments().isEmpty())
            throw new CompileError("UPDATE " + u.table().name() + " has no SET clause; call set(column, value)");
        List<FromItem> extra = updateFroms(u);
        if (extra.size() != u.from().size()) {
            // tables named by SET or WHERE but not listed: render as if from(...) had listed them
            c.visitUpdate(u.withFrom(extra));
            return;
        }
        c.depth++;
        c.sql.append("UPDATE ");
        c.visitTable(u.table());
        c.enclosingFroms.addLast(dmlTables(u.table(), u.from())); // subqueries correlate to the target table
        c.sql.append(" SET ");
        c.assignments(u.assignments(), null);
        if (!u.from().isEmpty()) c.updateFrom(u);
        if (u.where() != null) {
            c.sql.append(" WHERE ");
            c.visit(u.where());
        }
        c.enclosingFroms.removeLast();
        c.returning(u.returningColumns(), c.features.supportsUpdateReturning(), "UPDATE ... RETURNING");
        c.depth--;
    }

    /** The tables an UPDATE/DELETE operates on, which its subqueries correlate to (as SQLAlchemy does). */
    private static List<Table> dmlTables(Table target, List<FromItem> extra) {
        List<Table> out = new ArrayList<>();
        out.add(target);
        for (FromItem f : extra) out.addAll(Join.tablesOf(f));
        return out;
    }

    /**
     * See {@link SqlCompiler#updateFroms}: the explicit FROM items, then every table that a SET value
     * or the WHERE clause names outside a subquery and that neither the target nor an explicit item
     * covers (SQLAlchemy's extra froms). Tables met only inside a subquery or EXISTS are correlated.
     */
    static List<FromItem> updateFroms(Update u) {
        List<SqlNode> used = new ArrayList<>();
        for (Update.Assignment a : u.assignments()) used.add(a.value());
        if (u.where() != null) used.add(u.where());
        return extraFroms(u.table(), u.from(), used);
    }

    /** See {@link SqlCompiler#deleteUsings}: like {@link #updateFroms}, from the WHERE clause. */
    static List<FromItem> deleteUsings(Delete d) {
        return extraFroms(d.table(), d.using(), d.where() == null ? List.of() : List.of(d.where()));
    }

    private static List<FromItem> extraFroms(Table target, List<FromItem> explicit, List<SqlNode> used) {
        List<Table> covered = dmlTables(target, explicit);
        List<FromItem> out = null;
        for (Table t : Select.tablesOf(used)) {
            boolean in = false;
            // another instance of the same table without an alias renders as the same name: it is that table
            for (Table x : covered)
                if (x == t || x.alias() == null && t.alias() == null && x.sameTableAs(t)) { in = true; break; }
            if (in) continue;
            if (out == null) out = new ArrayList<>(explicit);
            out.add(t);
            covered.add(t);
        }
        return out == null ? explicit : out;
    }

    /** See {@link SqlCompiler#updateFrom}. */
    static void updateFrom(SqlCompiler c, Update u) {
        if (!c.features.supportsUpdateFrom()) throw c.unsupported("UPDATE ... FROM");
        c.sql.append(" FROM ");
        c.list(u.from(), ", ");
    }

    /** See {@link SqlCompiler#visitDelete}. */
    static void delete(SqlCompiler c, Delete d) {
        List<FromItem> extra = deleteUsings(d);
        if (extra.size() != d.using().size()) {
            // tables named by WHERE but not listed: render as if using(...) had listed them
            c.visitDelete(d.withUsing(extra));
            return;
        }
        c.depth++;
        c.sql.append("DELETE FROM ");
        c.visitTable(d.table());
        c.enclosingFroms.addLast(dmlTables(d.table(), d.using()));
        if (!d.using().isEmpty() && !c.features.supportsDeleteUsing()) {
            // the EXISTS emulation keeps the other tables inside the subquery: RETURNING cannot see them
            for (Table t : Select.tablesOf(d.returningColumns()))
                if (t != d.table())
                    throw c.unsupported("DELETE ... RETURNING a column of another table (" + t.qualifier() + ") without DELETE ... USING");
            c.deleteUsingAsExists(d);
        } else {
            if (!d.using().isEmpty()) c.deleteUsing(d);
            if (d.where() != null) {
                c.sql.append(" WHERE ");
                c.visit(d.where());
            }
        }
        c.enclosingFroms.removeLast();
        c.returning(d.returningColumns(), c.features.supportsDeleteReturning(), "DELETE ... RETURNING");
        c.depth--;
    }

    /** See {@link SqlCompiler#deleteUsing}. */
    static void deleteUsing(SqlCompiler c, Delete d) {
        if (!c.features.supportsDeleteUsing()) throw c.unsupported("DELETE ... USING");
        c.sql.append(" USING ");
        c.list(d.using(), ", ");
    }
}
