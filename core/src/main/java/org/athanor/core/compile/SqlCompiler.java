package org.athanor.core.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.dialect.DialectFeatures;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.*;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.type.ValueCodec;

/**
 * Renders a statement tree into SQL text and its placeholder list in one pass. One {@code visitX}
 * per node kind; a dialect subclasses this and overrides only what its database spells
 * differently. A compiler instance compiles one statement and is then discarded.
 */
public class SqlCompiler {
    protected final Dialect dialect;
    protected final DialectFeatures features;
    protected final StringBuilder sql = new StringBuilder(128);
    private final boolean literalBinds;
    /** Per parameter: a cursor, then its indices in key-walk order (a parameter met twice has two). */
    private Map<Param<?>, int[]> canonical;
    private int[] slots = new int[16];
    private final List<ValueCodec<Object>> slotCodecs = new ArrayList<>();
    private final List<String> slotNames = new ArrayList<>();

    private final List<String> resultNames = new ArrayList<>();
    private final List<Expression<?>> resultExprs = new ArrayList<>();
    private final List<SqlType<?>> resultTypes = new ArrayList<>();

    /** Tables of the enclosing SELECTs' FROM lists, innermost last: for correlation. */
    protected final Deque<List<Table>> enclosingFroms = new ArrayDeque<>();
    /** Nesting depth of statements: 0 is the top level, whose select list gives the result columns. */
    protected int depth = -1;
    /** Whether columns render qualified by their table (off in INSERT column lists, SET targets, RETURNING). */
    protected boolean qualifyColumns = true;
    /** Whether labels render as {@code expr AS name} (select list) rather than just the name. */
    protected boolean inSelectList;

    public SqlCompiler(Dialect dialect, boolean literalBinds) {
        this.dialect = dialect;
        this.features = dialect.features();
        this.literalBinds = literalBinds;
    }

    public Dialect dialect() { return dialect; }
    public DialectFeatures features() { return features; }
    public boolean literalBinds() { return literalBinds; }

    // ---- driving -------------------------------------------------------------------------------

    /** Compiles a statement walked into {@code key}: placeholders refer to the key's parameters. */
    @SuppressWarnings("unchecked")
    public CompiledTemplate compile(SqlNode statement, KeyBuilder key) {
        canonical = new IdentityHashMap<>();
        for (int i = 0; i < key.paramCount(); i++) {
            // The same Param object can sit at several walk positions (an IN list padded with its last
            // value, a Param reused by the caller). Each visit must bind its own position, or a cache
            // hit from a statement with distinct values there would bind the wrong one.
            int[] e = canonical.get(key.param(i));
            if (e == null) e = new int[] {0, i};
            else { e = java.util.Arrays.copyOf(e, e.length + 1); e[e.length - 1] = i; }
            canonical.put(key.param(i), e);
        }
        visit(statement);
        int n = slotCodecs.size();
        return new CompiledTemplate(sql.toString(), java.util.Arrays.copyOf(slots, n),
                slotCodecs.toArray(ValueCodec[]::new), slotNames.toArray(String[]::new),
                List.copyOf(resultNames), List.copyOf(resultExprs), codecs(resultTypes), List.copyOf(resultTypes));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ValueCodec<Object>[] codecs(List<SqlType<?>> types) {
        ValueCodec<Object>[] out = new ValueCodec[types.size()];
        for (int i = 0; i < out.length; i++) out[i] = (ValueCodec) dialect.codec(types.get(i));
        return out;
    }

    /** Renders any node (used for toString and fragments). */
    public String render(SqlNode node) {
        KeyBuilder k = KeyBuilder.of(node);
        return compile(node, k).sql();
    }

    public final void visit(SqlNode node) { node.accept(this); }

    public final SqlCompiler append(String s) { sql.append(s); return this; }

    public final SqlCompiler append(char c) { sql.append(c); return this; }

    public final SqlCompiler appendIdentifier(String name) { sql.append(dialect.quoteIdentifier(name)); return this; }

    /** Renders nodes separated by {@code sep}. */
    public final void list(List<? extends SqlNode> nodes, String sep) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) sql.append(sep);
            visit(nodes.get(i));
        }
    }

    /** An error for a construct this dialect cannot render, naming both. */
    public CompileError unsupported(String construct) {
        return new CompileError(construct + " is not supported by " + dialect.name());
    }

    // ---- values --------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void visitParam(Param<?> p) {
        if (literalBinds && p.name() == null) {
            sql.append(dialect.renderLiteral(p.value(), (SqlType) p.type()));
            return;
        }
        int[] e = canonical.get(p);
        if (e == null) throw new IllegalStateException("parameter " + p.value() + " was not met by the key walk");
        addSlot(e[1 + Math.min(e[0]++, e.length - 2)], p);
        sql.append('?');
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addSlot(int canonicalIndex, Param<?> p) {
        int n = slotCodecs.size();
        if (n == slots.length) slots = java.util.Arrays.copyOf(slots, n * 2);
        slots[n] = canonicalIndex;
        slotCodecs.add((ValueCodec) dialect.codec(p.type()));
        slotNames.add(p.name());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void visitLiteral(Literal<?> l) { sql.append(dialect.renderLiteral(l.value(), (SqlType) l.type())); }

    public void visitStar(Star s) { sql.append('*'); }

    // ---- column references -------------------------------------------------------------------------

    public void visitColumn(Column<?> c) {
        if (qualifyColumns) {
            Table t = c.table();
            if (t.alias() == null && t.schema() != null && !t.isDerived()) appendIdentifier(t.schema()).append('.');
            appendIdentifier(t.qualifier()).append('.');
        }
        appendIdentifier(c.name());
    }

    public void visitLabel(Label<?> l) {
        if (inSelectList) {
            boolean was = inSelectList;
            inSelectList = false;
            visit(l.expression());
            inSelectList = was;
            sql.append(" AS ");
            appendIdentifier(l.name());
        } else {
            appendIdentifier(l.name());
        }
    }

    // ---- operators -----------------------------------------------------------------------------------

    /** Renders an operand, in parentheses when it is itself an operator expression. */
    protected void operand(Expression<?> e) {
        if (needsParens(e)) {
            sql.append('(');
            visit(e);
            sql.append(')');
        } else {
            visit(e);
        }
    }

    protected boolean needsParens(Expression<?> e) {
        return e instanceof Binary<?> || e instanceof Comparison || e instanceof BooleanList || e instanceof Like
                || e instanceof IsNull || e instanceof Between || e instanceof InList || e instanceof InSelect
                || e instanceof IsDistinct || e instanceof Not || e instanceof Unary<?> || e instanceof Text;
    }

    public void visitComparison(Comparison c) {
        operand(c.left());
        sql.append(' ').append(c.op().sql()).append(' ');
        operand(c.right());
    }

    public void visitBinary(Binary<?> b) {
        if (b.op() == Operator.CONCAT) { concat(b.left(), b.right()); return; }
        operand(b.left());
        sql.append(' ').append(operatorSql(b.op())).append(' ');
        operand(b.right());
    }

    /** The spelling of an arithmetic operator. */
    protected String operatorSql(Operator op) { return op.sql(); }

    /** String concatenation; ANSI {@code ||}. */
    protected void concat(Expression<?> left, Expression<?> right) {
        operand(left);
        sql.append(" || ");
        operand(right);
    }

    public void visitUnary(Unary<?> u) {
        sql.append(u.op().sql());
        operand(u.operand());
    }

    public void visitBooleanList(BooleanList b) {
        if (b.items().isEmpty()) {
            // An empty AND is true and an empty OR false, as in SQLAlchemy's and_()/or_().
            sql.append(b.op() == Operator.AND ? trueSql() : falseSql());
            return;
        }
        String sep = b.op() == Operator.AND ? " AND " : " OR ";
        for (int i = 0; i < b.items().size(); i++) {
            if (i > 0) sql.append(sep);
            Expression<Boolean> item = b.items().get(i);
            if (item instanceof BooleanList) {
                sql.append('(');
                visit(item);
                sql.append(')');
            } else {
                visit(item);
            }
        }
    }

    /** A condition that is always true. */
    protected String trueSql() { return "1 = 1"; }

    /** A condition that is always false. */
    protected String falseSql() { return "1 = 0"; }

    public void visitNot(Not n) {
        sql.append("NOT ");
        if (n.operand() instanceof Exists) visit(n.operand());
        else {
            sql.append('(');
            visit(n.operand());
            sql.append(')');
        }
    }

    public void visitIsNull(IsNull n) {
        operand(n.operand());
        sql.append(n.negated() ? " IS NOT NULL" : " IS NULL");
    }

    /** ANSI {@code IS [NOT] DISTINCT FROM}; dialects without it override. */
    public void visitIsDistinct(IsDistinct d) {
        operand(d.left());
        sql.append(d.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
        operand(d.right());
    }

    public void visitBetween(Between b) {
        operand(b.operand());
        sql.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
        operand(b.low());
        sql.append(" AND ");
        operand(b.high());
    }

    public void visitInList(InList in) {
        if (in.items().isEmpty()) {
            // x IN () is false and x NOT IN () true, whatever x is (SQLAlchemy's empty-IN semantics).
            sql.append(in.negated() ? trueSql() : falseSql());
            return;
        }
        operand(in.operand());
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        List<Expression<?>> items = in.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sql.append(", ");
            visit(items.get(i));
        }
        if (in.expanding() && !literalBinds) {
            // pad to the bucket the key announced, repeating the last value (see InList)
            Param<?> last = (Param<?>) items.get(items.size() - 1);
            for (int i = items.size(), b = InList.bucket(items.size()); i < b; i++) {
                sql.append(", ");
                visit(last);
            }
        }
        sql.append(')');
    }

    public void visitInSelect(InSelect in) {
        operand(in.operand());
        sql.append(in.negated() ? " NOT IN " : " IN ");
        subquery(in.subquery());
    }

    public void visitTuple(Tuple t) {
        if (!features.supportsTupleIn()) throw unsupported("a row value (tuple) expression");
        sql.append('(');
        list(t.items(), ", ");
        sql.append(')');
    }

    public void visitLike(Like l) {
        if (l.caseInsensitive()) {
            ilike(l);
            return;
        }
        operand(l.operand());
        sql.append(l.negated() ? " NOT LIKE " : " LIKE ");
        operand(l.pattern());
        likeEscape(l);
    }

    /** Case-insensitive LIKE: {@code lower(x) LIKE lower(p)} unless the dialect has ILIKE. */
    protected void ilike(Like l) {
        sql.append("lower(");
        visit(l.operand());
        sql.append(l.negated() ? ") NOT LIKE lower(" : ") LIKE lower(");
        visit(l.pattern());
        sql.append(')');
        likeEscape(l);
    }

    protected void likeEscape(Like l) {
        if (l.escape() != null) sql.append(" ESCAPE ").append(dialect.renderLiteral(String.valueOf(l.escape()), SqlTypes.TEXT));
    }

    public void visitFunction(FunctionCall<?> f) {
        sql.append(functionName(f.name())).append('(');
        if (f.distinct()) sql.append("DISTINCT ");
        list(f.args(), ", ");
        sql.append(')');
    }

    /** The dialect's spelling of a generic function name. */
    protected String functionName(String name) { return name; }

    public void visitCast(Cast<?> c) {
        sql.append("CAST(");
        visit(c.operand());
        sql.append(" AS ").append(dialect.castTypeName(c.type())).append(')');
    }

    public void visitScalarSubquery(ScalarSubquery<?> s) { subquery(s.select()); }

    public void visitExists(Exists e) {
        sql.append("EXISTS ");
        subquery(e.select());
    }

    /** A parenthesised nested SELECT. */
    protected void subquery(SqlNode select) {
        boolean q = qualifyColumns, sl = inSelectList;
        qualifyColumns = true;
        inSelectList = false;
        sql.append('(');
        visit(select);
        sql.append(')');
        qualifyColumns = q;
        inSelectList = sl;
    }

    public void visitOrderItem(OrderItem o) {
        visit(o.expression());
        if (o.descending()) sql.append(" DESC");
        nullsOrder(o);
    }

    /** NULLS FIRST/LAST; dialects without the syntax emulate it. */
    protected void nullsOrder(OrderItem o) {
        if (o.nulls() == OrderItem.Nulls.FIRST) sql.append(" NULLS FIRST");
        else if (o.nulls() == OrderItem.Nulls.LAST) sql.append(" NULLS LAST");
    }

    public void visitExtension(Extension e) { e.render(this); }

    public void visitText(Text t) {
        List<String> frags = t.fragments();
        List<String> names = t.parameterNames();
        for (int i = 0; i < frags.size(); i++) {
            sql.append(frags.get(i));
            if (i < names.size()) visit(t.parameter(names.get(i)));
        }
    }

    // ---- FROM ----------------------------------------------------------------------------------------

    public void visitTable(Table t) {
        if (t.schema() != null) appendIdentifier(t.schema()).append('.');
        appendIdentifier(t.name());
        if (t.alias() != null) {
            sql.append(tableAliasKeyword());
            appendIdentifier(t.alias());
        }
    }

    /** {@code " AS "} between a table and its alias. */
    protected String tableAliasKeyword() { return " AS "; }

    public void visitSubquery(Subquery s) {
        // A derived table cannot see the enclosing query's tables (only LATERAL could): never correlate it.
        List<List<Table>> outer = new ArrayList<>(enclosingFroms);
        enclosingFroms.clear();
        subquery(s.select());
        enclosingFroms.addAll(outer);
        sql.append(tableAliasKeyword());
        appendIdentifier(s.name());
    }

    public void visitJoin(Join j) {
        if (j.type() == JoinType.FULL && !features.supportsFullJoin()) throw unsupported("FULL OUTER JOIN");
        if (j.type() == JoinType.RIGHT && !features.supportsRightJoin()) throw unsupported("RIGHT OUTER JOIN");
        visit(j.left());
        sql.append(' ').append(j.type().sql()).append(' ');
        if (j.right() instanceof Join) {
            sql.append('(');
            visit(j.right());
            sql.append(')');
        } else {
            visit(j.right());
        }
        if (j.on() != null) {
            sql.append(" ON ");
            visit(j.on());
        }
    }

    // ---- SELECT --------------------------------------------------------------------------------------

    public void visitSelect(Select<?> s) {
        depth++;
        boolean top = depth == 0;
        List<FromItem> froms = effectiveFroms(s);
        List<Table> fromTables = new ArrayList<>();
        for (FromItem f : froms) fromTables.addAll(Join.tablesOf(f));
        enclosingFroms.addLast(fromTables);

        sql.append("SELECT ");
        selectModifiers(s);
        List<Expression<?>> cols = s.columns();
        inSelectList = true;
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) sql.append(", ");
            Expression<?> e = cols.get(i);
            visit(e);
            if (top) result(e);
        }
        inSelectList = false;
        if (!froms.isEmpty()) {
            sql.append(" FROM ");
            list(froms, ", ");
        } else {
            emptyFrom();
        }
        if (s.where() != null) {
            sql.append(" WHERE ");
            visit(s.where());
        }
        if (!s.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            list(s.groupBy(), ", ");
        }
        if (s.having() != null) {
            sql.append(" HAVING ");
            visit(s.having());
        }
        if (!s.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            list(s.orderBy(), ", ");
        }
        limitOffset(s.limit(), s.offset());
        if (s.lock() != null) lock(s.lock());
        enclosingFroms.removeLast();
        depth--;
    }

    /** DISTINCT (and DISTINCT ON where a dialect has it). */
    protected void selectModifiers(Select<?> s) {
        if (!s.distinctOn().isEmpty()) throw unsupported("DISTINCT ON");
        if (s.isDistinct()) sql.append("DISTINCT ");
    }

    /** What to render when a SELECT has no FROM (nothing in ANSI; some databases want FROM DUAL). */
    protected void emptyFrom() {}

    /** Records a top-level result column. */
    protected void result(Expression<?> e) {
        resultNames.add(Select.nameOf(e));
        resultExprs.add(e);
        resultTypes.add(e.type());
    }

    /**
     * The FROM list: explicit items, then tables of columns used in the select list, WHERE, GROUP BY,
     * HAVING and ORDER BY that no explicit item covers. In a nested select, tables that an enclosing
     * select already has are correlated (left out), unless that would leave no FROM at all.
     */
    protected List<FromItem> effectiveFroms(Select<?> s) {
        List<Table> covered = new ArrayList<>();
        for (FromItem f : s.from()) covered.addAll(Join.tablesOf(f));
        List<SqlNode> used = new ArrayList<>(s.columns());
        if (s.where() != null) used.add(s.where());
        used.addAll(s.groupBy());
        if (s.having() != null) used.add(s.having());
        used.addAll(s.orderBy());
        List<Table> implicit = new ArrayList<>();
        for (Table t : Select.tablesOf(used)) if (!containsIdentity(covered, t)) implicit.add(t);
        if (!implicit.isEmpty() && !enclosingFroms.isEmpty()) {
            List<Table> uncorrelated = new ArrayList<>();
            for (Table t : implicit) if (!enclosed(t)) uncorrelated.add(t);
            if (!uncorrelated.isEmpty() || !s.from().isEmpty()) implicit = uncorrelated;
        }
        if (implicit.isEmpty()) return s.from();
        List<FromItem> out = new ArrayList<>(s.from());
        out.addAll(implicit);
        return out;
    }

    private boolean enclosed(Table t) {
        for (List<Table> level : enclosingFroms) if (containsIdentity(level, t)) return true;
        return false;
    }

    private static boolean containsIdentity(List<Table> list, Table t) {
        for (Table x : list) if (x == t) return true;
        return false;
    }

    /** ANSI-ish {@code LIMIT ? OFFSET ?}; dialects that need LIMIT with OFFSET override. */
    protected void limitOffset(Expression<?> limit, Expression<?> offset) {
        if (limit != null) {
            sql.append(" LIMIT ");
            visit(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            visit(offset);
        }
    }

    protected void lock(LockMode mode) {
        if (!features.supportsForUpdate()) throw unsupported("SELECT ... FOR UPDATE");
        if (mode.strength() == LockMode.Strength.SHARE && !features.supportsForShare()) throw unsupported("FOR SHARE");
        sql.append(mode.strength() == LockMode.Strength.UPDATE ? " FOR UPDATE" : " FOR SHARE");
        if (mode.waitMode() == LockMode.Wait.NOWAIT) {
            if (!features.supportsNowait()) throw unsupported("FOR UPDATE NOWAIT");
            sql.append(" NOWAIT");
        } else if (mode.waitMode() == LockMode.Wait.SKIP_LOCKED) {
            if (!features.supportsSkipLocked()) throw unsupported("FOR UPDATE SKIP LOCKED");
            sql.append(" SKIP LOCKED");
        }
    }

    // ---- DML -----------------------------------------------------------------------------------------

    public void visitInsert(Insert i) {
        depth++;
        sql.append("INSERT INTO ");
        visitTable(i.table());
        List<Column<?>> cols = i.columns();
        if (i.select() != null) {
            columnList(cols);
            sql.append(' ');
            boolean q = qualifyColumns;
            visit(i.select());
            qualifyColumns = q;
        } else if (i.isDefaultValues() || cols.isEmpty()) {
            defaultValues();
        } else {
            columnList(cols);
            List<List<Expression<?>>> rows = i.rows();
            if (rows.size() > 1 && !features.supportsMultiRowInsert()) throw unsupported("multi-row INSERT ... VALUES");
            sql.append(" VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) sql.append(", ");
                sql.append('(');
                list(rows.get(r), ", ");
                sql.append(')');
            }
        }
        if (i.onConflictClause() != null) visit(i.onConflictClause());
        returning(i.returningColumns(), features.supportsReturning(), "INSERT ... RETURNING");
        depth--;
    }

    protected void columnList(List<Column<?>> cols) {
        sql.append(" (");
        for (int c = 0; c < cols.size(); c++) {
            if (c > 0) sql.append(", ");
            appendIdentifier(cols.get(c).name());
        }
        sql.append(')');
    }

    protected void defaultValues() { sql.append(" DEFAULT VALUES"); }

    protected void returning(List<Expression<?>> cols, boolean supported, String construct) {
        if (cols.isEmpty()) return;
        if (!supported) throw unsupported(construct);
        boolean q = qualifyColumns;
        qualifyColumns = false;
        sql.append(" RETURNING ");
        inSelectList = true;
        for (int c = 0; c < cols.size(); c++) {
            if (c > 0) sql.append(", ");
            visit(cols.get(c));
            if (depth == 0) result(cols.get(c));
        }
        inSelectList = false;
        qualifyColumns = q;
    }

    public void visitUpdate(Update u) {
        depth++;
        if (u.assignments().isEmpty())
            throw new CompileError("UPDATE " + u.table().name() + " has no SET clause; call set(column, value)");
        sql.append("UPDATE ");
        visitTable(u.table());
        enclosingFroms.addLast(dmlTables(u.table(), u.from())); // subqueries correlate to the target table
        sql.append(" SET ");
        for (int i = 0; i < u.assignments().size(); i++) {
            if (i > 0) sql.append(", ");
            Update.Assignment a = u.assignments().get(i);
            appendIdentifier(a.column().name());
            sql.append(" = ");
            visit(a.value());
        }
        if (!u.from().isEmpty()) updateFrom(u);
        if (u.where() != null) {
            sql.append(" WHERE ");
            visit(u.where());
        }
        enclosingFroms.removeLast();
        returning(u.returningColumns(), features.supportsUpdateReturning(), "UPDATE ... RETURNING");
        depth--;
    }

    /** The tables an UPDATE/DELETE operates on, which its subqueries correlate to (as SQLAlchemy does). */
    private static List<Table> dmlTables(Table target, List<FromItem> extra) {
        List<Table> out = new ArrayList<>();
        out.add(target);
        for (FromItem f : extra) out.addAll(Join.tablesOf(f));
        return out;
    }

    /** {@code UPDATE ... FROM other} (PostgreSQL, SQLite 3.33+); MySQL overrides with multi-table UPDATE. */
    protected void updateFrom(Update u) {
        if (!features.supportsUpdateFrom()) throw unsupported("UPDATE ... FROM");
        sql.append(" FROM ");
        list(u.from(), ", ");
    }

    public void visitDelete(Delete d) {
        depth++;
        sql.append("DELETE FROM ");
        visitTable(d.table());
        enclosingFroms.addLast(dmlTables(d.table(), d.using()));
        if (!d.using().isEmpty()) deleteUsing(d);
        if (d.where() != null) {
            sql.append(" WHERE ");
            visit(d.where());
        }
        enclosingFroms.removeLast();
        returning(d.returningColumns(), features.supportsDeleteReturning(), "DELETE ... RETURNING");
        depth--;
    }

    protected void deleteUsing(Delete d) {
        if (!features.supportsDeleteUsing()) throw unsupported("DELETE ... USING");
        sql.append(" USING ");
        list(d.using(), ", ");
    }
}
