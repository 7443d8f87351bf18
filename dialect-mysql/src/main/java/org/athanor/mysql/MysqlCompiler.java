package org.athanor.mysql;

import java.util.List;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Binary;
import org.athanor.core.sql.DatePart;
import org.athanor.core.sql.Delete;
import org.athanor.core.sql.Excluded;
import org.athanor.core.sql.Extract;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.OnConflict;
import org.athanor.core.sql.WithDml;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.IsDistinct;
import org.athanor.core.sql.LockMode;
import org.athanor.core.sql.Operator;
import org.athanor.core.sql.OrderItem;
import org.athanor.core.sql.Update;

/**
 * MySQL's spelling: CONCAT() for {@code ||} (which is OR in MySQL), {@code <=>} for null-safe
 * comparison, LIMIT before a lone OFFSET, NULLS FIRST/LAST emulated, {@code () VALUES ()} for an
 * all-defaults row, multi-table UPDATE and DELETE, and MariaDB's LOCK IN SHARE MODE.
 */
final class MysqlCompiler extends SqlCompiler {
    /**
     * A list over the bind-parameter limit goes out as one JSON array parameter read back as rows:
     * {@code x IN (SELECT j.v FROM JSON_TABLE(?, '$[*]' COLUMNS (v <type> PATH '$')) AS j)}
     * (MariaDB 10.6+, MySQL 8.0.4+).
     */
    @Override
    protected void boundList(org.athanor.core.sql.InList in) {
        String json = jsonArray(in);
        String column = switch (in.items().get(0).type().kind()) {
            case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "BIGINT";
            case REAL, DOUBLE -> "DOUBLE";
            default -> "LONGTEXT";
        };
        operand(in.operand());
        sql.append(in.negated() ? " NOT IN (SELECT j.v FROM JSON_TABLE(" : " IN (SELECT j.v FROM JSON_TABLE(");
        appendExtraParam(new org.athanor.core.sql.Param<>(json, org.athanor.core.type.SqlTypes.TEXT));
        sql.append(", '$[*]' COLUMNS (v ").append(column).append(" PATH '$')) AS j)");
    }

    /** LIMIT's largest value: MySQL has no OFFSET without LIMIT, and documents this idiom. */
    static final String NO_LIMIT = "18446744073709551615";

    private final MysqlDialect mysql;

    MysqlCompiler(MysqlDialect dialect, boolean literalBinds) {
        super(dialect, literalBinds);
        this.mysql = dialect;
    }

    // ---- expressions ---------------------------------------------------------------------------

    /** MariaDB 10.3+ reads the standard {@code NEXT VALUE FOR s}; MySQL has no sequences ({@link MysqlDialect#noSequences}). */
    @Override
    public void visitNextValue(org.athanor.core.sql.NextValue n) {
        if (!features.supportsSequences()) throw mysql.noSequences("NEXT VALUE FOR " + n.sequence().qualifiedName());
        super.visitNextValue(n);
    }

    /** {@code ||} is logical OR in MySQL's default sql_mode: concatenation is CONCAT(a, b, ...), flattened. */
    @Override
    protected void concat(Expression<?> left, Expression<?> right) {
        sql.append("CONCAT(");
        concatArgs(left);
        sql.append(", ");
        concatArgs(right);
        sql.append(')');
    }

    private void concatArgs(Expression<?> e) {
        if (e instanceof Binary<?> b && b.op() == Operator.CONCAT) {
            concatArgs(b.left());
            sql.append(", ");
            concatArgs(b.right());
        } else {
            visit(e);
        }
    }

    /**
     * {@code /} on two integers is exact division in MySQL (30 / 7 = 4.2857); the integer division
     * the other databases do is {@code DIV}, which also truncates toward zero.
     */
    @Override
    public void visitBinary(Binary<?> b) {
        if (b.op() == Operator.DIV && isInteger(b.left()) && isInteger(b.right())) {
            operand(b.left());
            sql.append(" DIV ");
            operand(b.right());
            return;
        }
        super.visitBinary(b);
    }

    private static boolean isInteger(Expression<?> e) {
        return switch (e.type().kind()) {
            case SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    /** length() counts characters as elsewhere; MySQL's LENGTH counts bytes. */
    @Override
    protected String functionName(String name) {
        return name.equalsIgnoreCase("length") ? "CHAR_LENGTH" : super.functionName(name);
    }

    /** MySQL has no IS DISTINCT FROM; {@code <=>} is its null-safe equality. */
    @Override
    public void visitIsDistinct(IsDistinct d) {
        if (d.negated()) {
            operand(d.left());
            sql.append(" <=> ");
            operand(d.right());
        } else {
            sql.append("NOT (");
            operand(d.left());
            sql.append(" <=> ");
            operand(d.right());
            sql.append(')');
        }
    }

    /**
     * MySQL sorts NULLs first ascending and last descending and has no NULLS FIRST/LAST: the other
     * order is {@code x IS NULL [DESC]} before {@code x}. The default order renders as is.
     */
    @Override
    public void visitOrderItem(OrderItem o) {
        boolean natural = o.nulls() == OrderItem.Nulls.DEFAULT
                || (o.nulls() == OrderItem.Nulls.FIRST) != o.descending();
        if (!natural) {
            operand(o.expression());
            sql.append(o.nulls() == OrderItem.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL, ");
        }
        visit(o.expression());
        if (o.descending()) sql.append(" DESC");
    }

    // ---- SELECT --------------------------------------------------------------------------------

    /** MariaDB rejects {@code SELECT 1 WHERE ...} without FROM; DUAL is valid on both servers. */
    @Override protected void emptyFrom() { sql.append(" FROM DUAL"); }

    @Override
    protected void limitOffset(Expression<?> limit, Expression<?> offset) {
        if (limit == null && offset == null) return;
        sql.append(" LIMIT ");
        if (limit != null) limitValue(limit, "LIMIT");
        else sql.append(NO_LIMIT);
        if (offset != null) {
            sql.append(" OFFSET ");
            limitValue(offset, "OFFSET");
        }
    }

    /** MariaDB has no FOR SHARE: LOCK IN SHARE MODE (which MySQL 8 also reads, but not with NOWAIT). */
    @Override
    protected void lock(LockMode mode) {
        if (mode.strength() != LockMode.Strength.SHARE || !mysql.lockInShareMode()) {
            super.lock(mode);
            return;
        }
        sql.append(" LOCK IN SHARE MODE");
        if (mode.waitMode() == LockMode.Wait.NOWAIT) sql.append(" NOWAIT");
        else if (mode.waitMode() == LockMode.Wait.SKIP_LOCKED) sql.append(" SKIP LOCKED");
    }

    // ---- DML -----------------------------------------------------------------------------------

    @Override protected void defaultValues() { sql.append(" () VALUES ()"); }

    /**
     * {@code UPDATE a, b SET a.x = ... WHERE ...}: MySQL's multi-table UPDATE names every table
     * before SET, so SET targets are qualified by their table.
     */
    @Override
    public void visitUpdate(Update u) {
        if (u.from().isEmpty()) {
            super.visitUpdate(u);
            return;
        }
        if (!features.supportsUpdateFrom()) throw unsupported("UPDATE ... FROM (multi-table UPDATE)");
        if (!u.returningColumns().isEmpty()) throw unsupported("multi-table UPDATE ... RETURNING");
        if (u.assignments().isEmpty())
            throw new CompileError("UPDATE " + u.table().name() + " has no SET clause; call set(column, value)");
        depth++;
        sql.append("UPDATE ");
        visitTable(u.table());
        sql.append(", ");
        list(u.from(), ", ");
        enclosingFroms.addLast(dmlTables(u.table(), u.from())); // subqueries correlate to every table updated from
        sql.append(" SET ");
        assignments(u.assignments(), u.table().qualifier());
        if (u.where() != null) {
            sql.append(" WHERE ");
            visit(u.where());
        }
        enclosingFroms.removeLast();
        depth--;
    }

    private static List<org.athanor.core.schema.Table> dmlTables(org.athanor.core.schema.Table target, List<org.athanor.core.sql.FromItem> extra) {
        List<org.athanor.core.schema.Table> out = new java.util.ArrayList<>();
        out.add(target);
        for (org.athanor.core.sql.FromItem f : extra) out.addAll(org.athanor.core.sql.Join.tablesOf(f));
        return out;
    }

    /** {@code DELETE a FROM a, b WHERE ...}: MySQL's multi-table DELETE names the target before FROM. */
    @Override
    public void visitDelete(Delete d) {
        if (d.using().isEmpty()) {
            super.visitDelete(d);
            return;
        }
        if (!features.supportsDeleteUsing()) throw unsupported("DELETE ... USING (multi-table DELETE)");
        if (!d.returningColumns().isEmpty()) throw unsupported("multi-table DELETE ... RETURNING");
        depth++;
        sql.append("DELETE ");
        appendIdentifier(d.table().qualifier());
        sql.append(" FROM ");
        visitTable(d.table());
        sql.append(", ");
        list(d.using(), ", ");
        enclosingFroms.addLast(dmlTables(d.table(), d.using()));
        if (d.where() != null) {
            sql.append(" WHERE ");
            visit(d.where());
        }
        enclosingFroms.removeLast();
        depth--;
    }

    // ---- date parts, the portable upsert, WITH before INSERT ----------------------------------

    /** MySQL's EXTRACT has no DOW/DOY fields: DAYOFWEEK counts from Sunday = 1, DAYOFYEAR as ANSI. */
    @Override
    public void visitExtract(Extract e) {
        if (e.part() == DatePart.DAY_OF_WEEK) {
            sql.append("(DAYOFWEEK(");
            visit(e.operand());
            sql.append(") - 1)");
        } else if (e.part() == DatePart.DAY_OF_YEAR) {
            sql.append("DAYOFYEAR(");
            visit(e.operand());
            sql.append(')');
        } else {
            super.visitExtract(e);
        }
    }

    /**
     * The portable upsert as {@code ON DUPLICATE KEY UPDATE}, which fires on a conflict with any
     * unique key (MySQL cannot name one). DO NOTHING is {@code SET k = k}: unlike INSERT IGNORE it
     * does not turn other errors into warnings.
     */
    @Override
    public void visitOnConflict(OnConflict oc) {
        if (oc.doesNothing()) {
            List<Column<?>> keys = oc.keys().isEmpty() ? currentInsertKey() : oc.keys();
            sql.append(" ON DUPLICATE KEY UPDATE ");
            appendIdentifier(keys.get(0).name()).append(" = ");
            appendIdentifier(keys.get(0).name());
            return;
        }
        sql.append(" ON DUPLICATE KEY UPDATE ");
        assignments(oc.assignments(), null);
    }

    private Insert insertBeingCompiled;

    private List<Column<?>> currentInsertKey() {
        List<Column<?>> pk = insertBeingCompiled == null ? List.of() : insertBeingCompiled.table().primaryKeyColumns();
        if (pk.isEmpty()) throw unsupported("ON CONFLICT DO NOTHING without conflict columns on a table without a primary key");
        return pk;
    }

    @Override
    public void visitInsert(Insert i) {
        Insert outer = insertBeingCompiled;
        insertBeingCompiled = i;
        super.visitInsert(i);
        insertBeingCompiled = outer;
    }

    @Override public void visitExcluded(Excluded<?> e) { insertedValue(e.column()); }

    /** MySQL wants {@code INSERT INTO t (cols) WITH ... SELECT ...}: the WITH belongs to the SELECT. */
    @Override
    public void visitWithDml(WithDml w) {
        if (!(w.body() instanceof Insert i) || i.select() == null) {
            super.visitWithDml(w);
            return;
        }
        depth++;
        insertBeingCompiled = i;
        sql.append("INSERT INTO ");
        visitTable(i.table());
        columnList(i.columns());
        sql.append(' ');
        withClause(w.ctes());
        visit(i.select());
        if (i.onConflictClause() != null) visit(i.onConflictClause());
        returning(i.returningColumns(), features.supportsReturning(), "INSERT ... RETURNING");
        insertBeingCompiled = null;
        depth--;
    }

    // ---- ON DUPLICATE KEY UPDATE (rendered for OnDuplicateKeyUpdate) ---------------------------

    void onDuplicateKeyUpdate(List<OnDuplicateKeyUpdate.Assignment> assignments) {
        sql.append(" ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) sql.append(", ");
            OnDuplicateKeyUpdate.Assignment a = assignments.get(i);
            appendIdentifier(a.column().name());
            sql.append(" = ");
            visit(a.value());
        }
    }

    /** The value the row would have had: VALUES(col), which MariaDB and MySQL 8 both accept. */
    void insertedValue(Column<?> column) {
        sql.append("VALUES(");
        appendIdentifier(column.name());
        sql.append(')');
    }
}
