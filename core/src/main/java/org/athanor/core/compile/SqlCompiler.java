package org.athanor.core.compile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.*;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * Renders a statement tree into SQL text and its placeholder list in one pass: the rendering
 * {@link SqlVisitor}, one {@code visitX} per node kind; a dialect subclasses this and overrides only
 * what its database spells differently. It is also the {@link RenderContext} extensions render
 * through, and sees its dialect only as a {@link DialectSpelling}. A compiler instance compiles one
 * statement and is then discarded.
 */
public class SqlCompiler implements SqlVisitor, RenderContext {
    protected final DialectSpelling dialect;
    protected final DialectFeatures features;
    protected final StringBuilder sql = new StringBuilder(128);
    private final boolean literalBinds;
    /** The placeholders and result columns recorded so far (set by {@link #compile}). */
    Placeholders placeholders;
    KeyCollector key;
    /** Rendering for toString() and messages: a fragment (a CTE used outside its WITH) must not throw. */
    boolean rendering;
    /** Tables of the enclosing SELECTs' FROM lists, innermost last: for correlation. */
    protected final Deque<List<Table>> enclosingFroms = new ArrayDeque<>();
    /** Nesting depth of statements: 0 is the top level, whose select list gives the result columns. */
    protected int depth = -1;
    /** Whether columns render qualified by their table (off in INSERT column lists, SET targets, RETURNING). */
    protected boolean qualifyColumns = true;
    /** Whether labels render as {@code expr AS name} (select list) rather than just the name. */
    protected boolean inSelectList;
    /** Warnings about the statement being compiled ({@link FromLinter}), null while there are none. */
    private List<String> warnings;

    public SqlCompiler(DialectSpelling dialect, boolean literalBinds) {
        this.dialect = dialect;
        this.features = dialect.features();
        this.literalBinds = literalBinds;
    }

    /** Expanding IN lists bind all their values as one parameter (for statements over the bind-parameter limit). */
    boolean listsAsOneParameter;

    /**
     * Binds each expanding IN list's values as one parameter ({@link #boundList}); see
     * {@code Dialect.compileOverBindLimit}. Values are never rendered into the SQL: a large list of
     * user values is exactly where an escaping mistake would turn into an injection.
     */
    public SqlCompiler expandingListsAsOneParameter() {
        listsAsOneParameter = true;
        return this;
    }

    public DialectSpelling dialect() { return dialect; }
    public DialectFeatures features() { return features; }
    public boolean literalBinds() { return literalBinds; }

    // ---- driving -------------------------------------------------------------------------------

    /**
     * Compiles a statement walked into {@code walked} (the key walk the engine or {@code Dialect.compile}
     * made): placeholders refer to the walk's parameters.
     */
    public StatementTemplate compile(SqlNode statement, KeyBuilder walked) {
        this.key = KeyCollector.walked(walked);
        this.placeholders = new Placeholders(dialect, key);
        visit(statement);
        org.athanor.core.internal.compile.CompiledTemplate t = placeholders.template(sql.toString());
        return warnings == null ? t : t.withWarnings(warnings);
    }

    /** Renders any node (used for toString and fragments). */
    public String render(SqlNode node) {
        rendering = true;
        KeyCollector k = KeyCollector.of(node);
        return compile(node, k).sql();
    }

    @Override public final void visit(SqlNode node) { node.accept(this); }

    /** Notes a warning about the statement being compiled (shown by the engine once, when it compiles the statement). */
    final void warn(String warning) {
        if (warnings == null) warnings = new java.util.ArrayList<>(1);
        if (!warnings.contains(warning)) warnings.add(warning);
    }

    @Override public final SqlCompiler append(String s) { sql.append(s); return this; }

    @Override public final SqlCompiler append(char c) { sql.append(c); return this; }

    @Override public final SqlCompiler appendIdentifier(String name) { sql.append(dialect.quoteIdentifier(name)); return this; }

    @Override public final String dialectName() { return dialect.name(); }

    @Override public final String quoteIdentifier(String name) { return dialect.quoteIdentifier(name); }

    @Override public final String renderLiteral(Object value, SqlType<?> type) { return dialect.renderLiteral(value, type); }

    /** Renders nodes separated by {@code sep}. */
    public final void list(List<? extends SqlNode> nodes, String sep) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) sql.append(sep);
            visit(nodes.get(i));
        }
    }

    /** An error for a construct this dialect cannot render, naming both. */
    @Override
    public CompileError unsupported(String construct) {
        return new CompileError(construct + " is not supported by " + dialect.name());
    }

    // ---- values --------------------------------------------------------------------------------

    public void visitParam(Param<?> p) { ListRenderer.param(this, p); }

    /** Records a placeholder bound to walk parameter {@code canonicalIndex}. */
    void addSlot(int canonicalIndex, Param<?> p) { placeholders.add(canonicalIndex, p); }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void visitLiteral(Literal<?> l) { sql.append(dialect.renderLiteral(l.value(), (SqlType) l.type())); }

    public void visitStar(Star s) { sql.append('*'); }

    // ---- column references -------------------------------------------------------------------------

    public void visitColumn(Column<?> c) { ExpressionRenderer.column(this, c); }

    public void visitLabel(Label<?> l) { ExpressionRenderer.label(this, l); }

    // ---- operators -----------------------------------------------------------------------------------

    /** Renders an operand, in parentheses when it is itself an operator expression. */
    protected void operand(Expression<?> e) { ExpressionRenderer.operand(this, e); }

    /** Whether {@code e} goes in parentheses as an operand: it is itself an operator expression. */
    protected boolean needsParens(Expression<?> e) { return ExpressionRenderer.isOperator(e); }

    public void visitComparison(Comparison c) { ExpressionRenderer.comparison(this, c); }

    public void visitBinary(Binary<?> b) { ExpressionRenderer.binary(this, b); }

    /** The spelling of an arithmetic operator. */
    protected String operatorSql(Operator op) { return op.sql(); }

    /** String concatenation; ANSI {@code ||}. */
    protected void concat(Expression<?> left, Expression<?> right) { ExpressionRenderer.concat(this, left, right); }

    public void visitUnary(Unary<?> u) { ExpressionRenderer.unary(this, u); }

    public void visitBooleanList(BooleanList b) { ExpressionRenderer.booleanList(this, b); }

    /** A condition that is always true. */
    protected String trueSql() { return "1 = 1"; }

    /** A condition that is always false. */
    protected String falseSql() { return "1 = 0"; }

    public void visitNot(Not n) { ExpressionRenderer.not(this, n); }

    /** Tables whose columns render through an alias while an {@link org.athanor.core.sql.Adapted} is rendered; null: none. */
    java.util.Map<Table, Table> adaptations;

    /** Renders the expression with its columns of {@code from} qualified by the alias {@code to} (also in its subqueries). */
    public void visitAdapted(org.athanor.core.sql.Adapted a) { ExpressionRenderer.adapted(this, a); }

    /** The names given to anonymous aliases ({@link Table#anonymous()}) in this statement, in the order met; null: none yet. */
    private java.util.IdentityHashMap<Table, String> anonymousNames;
    /** The number of the last anonymous alias name given ({@code anon_<n>}), names declared by the statement skipped. */
    private int lastAnonymous;

    /**
     * {@code t}'s alias as this statement names it: its own, or for an anonymous alias {@code anon_<n>}, numbered by
     * the order this compilation meets them, skipping the names the statement's own tables, aliases, subqueries and
     * CTEs declare (so a user's alias {@code anon_1} never clashes; the same shape of statement renders the same
     * names); null: no alias.
     */
    public String aliasOf(Table t) {
        if (!t.isAnonymous()) return t.alias();
        if (anonymousNames == null) anonymousNames = new java.util.IdentityHashMap<>();
        String n = anonymousNames.get(t);
        if (n == null) {
            do n = "anon_" + ++lastAnonymous; while (key.declared(n));
            anonymousNames.put(t, n);
        }
        return n;
    }

    /** How {@code t}'s columns are qualified: {@link #aliasOf its alias} if any, else its name. */
    public String qualifier(Table t) { return t.alias() == null ? t.qualifier() : aliasOf(t); }

    /** {@code t}, or the alias an enclosing {@link org.athanor.core.sql.Adapted} reads it through. */
    public Table adapted(Table t) {
        if (adaptations == null) return t;
        Table to = adaptations.get(t);
        return to == null ? t : to;
    }

    public void visitIsNull(IsNull n) { ExpressionRenderer.isNull(this, n); }

    /** ANSI {@code IS [NOT] DISTINCT FROM}; dialects without it override. */
    public void visitIsDistinct(IsDistinct d) { ExpressionRenderer.isDistinct(this, d); }

    public void visitBetween(Between b) { ExpressionRenderer.between(this, b); }

    public void visitInList(InList in) { ListRenderer.inList(this, in); }

    /**
     * {@code x [NOT] IN} an expanding list whose values are bound as one parameter, for a statement
     * over the bind-parameter limit: PostgreSQL binds an array ({@code = ANY(?)}), SQLite a JSON
     * array read by {@code json_each}. Dialects without such a form keep this refusal: Athanor never
     * renders the values into the SQL behind the caller's back.
     */
    protected void boundList(InList in) { throw ListRenderer.noBoundList(this, in); }

    /**
     * Appends a placeholder bound to {@code p}, a parameter the statement's key walk did not meet
     * (an IN list's values bound as one array or JSON value): it is added to the walk's parameters.
     */
    protected final void appendExtraParam(Param<?> p) {
        addSlot(key.extraParam(p), p);
        sql.append('?');
    }

    /**
     * An expanding IN list's values as a JSON array, for dialects that bind a list as one JSON value
     * and read it back as rows (SQLite's json_each, MariaDB's JSON_TABLE). Only values JSON spells as
     * those databases compare them qualify: strings, integers, finite floats, booleans (as 1/0) and null.
     */
    protected final String jsonArray(InList in) { return ListRenderer.jsonArray(this, in); }

    /** The values of an expanding IN list (every item is a parameter). */
    protected static List<Object> listValues(InList in) { return ListRenderer.listValues(in); }

    public void visitInSelect(InSelect in) { ExpressionRenderer.inSelect(this, in); }

    /**
     * {@code x = ANY(?)} / {@code x <> ALL(?)} over one array parameter, where the dialect has the form
     * ({@link DialectFeatures#supportsAnyArray()}); refused elsewhere.
     */
    public void visitInArray(InArray in) { ExpressionRenderer.inArray(this, in); }

    /**
     * The placeholder of an {@link InArray}'s list: here its parameter as it is (statement display); a dialect that
     * runs the form binds it as its array type ({@link #appendParamAs}).
     */
    protected void anyArrayParameter(InArray in) { visit(in.values()); }

    /**
     * Appends a placeholder for {@code p}, a parameter the key walk met, bound with {@code bindType}'s codec instead of
     * its own type's (an {@link InArray}'s list: keyed by its element type, bound as the dialect's array of it).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected final void appendParamAs(Param<?> p, org.athanor.core.type.SqlType<?> bindType) {
        int at = placeholders.next(p);
        if (at < 0) throw new IllegalStateException("parameter " + p.value() + " was not met by the key walk");
        addSlot(at, new Param(p.value(), bindType, p.name()));
        sql.append('?');
    }

    public void visitTuple(Tuple t) { ExpressionRenderer.tuple(this, t); }

    public void visitLike(Like l) { ExpressionRenderer.like(this, l); }

    /** Case-insensitive LIKE: {@code lower(x) LIKE lower(p)} unless the dialect has ILIKE. */
    protected void ilike(Like l) { ExpressionRenderer.ilike(this, l); }

    protected void likeEscape(Like l) {
        if (l.escape() != null) sql.append(" ESCAPE ").append(dialect.renderLiteral(String.valueOf(l.escape()), SqlTypes.TEXT));
    }

    /** {@code x [NOT] REGEXP p} (MySQL, MariaDB, SQLite); PostgreSQL overrides with {@code ~}. */
    public void visitRegexpMatch(RegexpMatch m) { ExpressionRenderer.regexpMatch(this, m); }

    /** {@code regexp_replace(x, p, r)}, which replaces every match on MySQL, MariaDB and SQLite's registered function. */
    public void visitRegexpReplace(RegexpReplace r) { ExpressionRenderer.regexpReplace(this, r); }

    /** What follows the replacement in {@code regexp_replace} so that every match is replaced (PostgreSQL: the 'g' flag). */
    protected String regexpReplaceAllFlags() { return ""; }

    public void visitFunction(FunctionCall<?> f) { ExpressionRenderer.function(this, f); }

    /** The dialect's spelling of a generic function name. */
    protected String functionName(String name) { return name; }

    /** {@code NEXT VALUE FOR [schema.]name} (standard SQL); PostgreSQL spells it {@code nextval('...')}. */
    public void visitNextValue(NextValue n) { ExpressionRenderer.nextValue(this, n); }

    public void visitCast(Cast<?> c) { ExpressionRenderer.cast(this, c); }

    public void visitCase(Case<?> c) { ExpressionRenderer.caseWhen(this, c); }

    /** ANSI {@code EXTRACT(part FROM x)}; SECOND is floored to whole seconds as {@link DatePart} promises. */
    public void visitExtract(Extract e) { ExpressionRenderer.extract(this, e); }

    public void visitOver(Over<?> o) { WindowRenderer.over(this, o); }

    /**
     * {@code lag(x, n, d)} without the default argument: the row n back exists exactly when the frame
     * of n preceding rows through the current one holds n + 1 rows, so
     * {@code CASE WHEN count(*) OVER (w ROWS BETWEEN n PRECEDING AND CURRENT ROW) > n THEN lag(x, n) OVER (w) ELSE d END}
     * (and the mirror image for lead). A NULL found n rows back stays NULL, as with the real default.
     */
    protected void lagLeadWithDefault(FunctionCall<?> f, Window w) { Emulations.lagLeadWithDefault(this, f, w); }

    /** {@code agg(x) FILTER (WHERE cond)}; without FILTER, the condition moves into a CASE inside the aggregate. */
    public void visitAggregateFilter(AggregateFilter<?> f) { WindowRenderer.aggregateFilter(this, f); }

    public void visitQuantified(Quantified<?> q) { ExpressionRenderer.quantified(this, q); }

    /**
     * {@code x op ANY/ALL (S)} without the syntax. ANY is true when some row compares true, NULL when
     * none does but some compares NULL, else false; ALL is false when some row compares false, NULL
     * when none does but some compares NULL, else true (also for an empty S):
     * {@code CASE WHEN EXISTS (SELECT 1 FROM (S) AS q WHERE [NOT] x op q.v) THEN .. WHEN EXISTS (..
     * WHERE (x op q.v) IS NULL) THEN NULL ELSE .. END}.
     */
    protected void quantifiedComparison(Comparison c, Quantified<?> q) { Emulations.quantifiedComparison(this, c, q); }

    public void visitLateral(Lateral l) { FromRenderer.lateral(this, l); }

    public void visitScalarSubquery(ScalarSubquery<?> s) { subquery(s.select()); }

    public void visitExists(Exists e) { ExpressionRenderer.exists(this, e); }

    /** A parenthesised nested SELECT. */
    protected void subquery(SqlNode select) { ExpressionRenderer.subquery(this, select); }

    public void visitOrderItem(OrderItem o) { SelectRenderer.orderItem(this, o); }

    /** NULLS FIRST/LAST; dialects without the syntax emulate it. */
    protected void nullsOrder(OrderItem o) { SelectRenderer.nullsOrder(this, o); }

    public void visitExtension(Extension e) { e.render(this); }

    /** A list bound to a text() parameter: {@code (?, ?, ...)} padded to its bucket (see ParamList). */
    public void visitParamList(org.athanor.core.sql.ParamList list) { ListRenderer.paramList(this, list); }

    public void visitText(Text t) { ExpressionRenderer.text(this, t); }

    // ---- FROM ----------------------------------------------------------------------------------------

    public void visitTable(Table t) { FromRenderer.table(this, t); }

    /** {@code " AS "} between a table and its alias. */
    protected String tableAliasKeyword() { return " AS "; }

    public void visitSubquery(Subquery s) { FromRenderer.subquery(this, s); }

    public void visitCompoundSubquery(CompoundSubquery s) { FromRenderer.compoundSubquery(this, s); }

    /**
     * A VALUES table in FROM: {@code (VALUES (?, ?), ...) AS name (a, b)} where a derived table may name
     * its columns, else {@code (SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?) AS name}, which yields the
     * same rows and names.
     */
    public void visitValues(Values v) { FromRenderer.values(this, v); }

    public void visitJoin(Join j) { FromRenderer.join(this, j); }

    // ---- SELECT --------------------------------------------------------------------------------------

    public void visitSelect(Select<?> s) { SelectRenderer.select(this, s); }

    /** DISTINCT (and DISTINCT ON where a dialect has it). */
    protected void selectModifiers(Select<?> s) { SelectRenderer.modifiers(this, s); }

    /** What to render when a SELECT has no FROM (nothing in ANSI; some databases want FROM DUAL). */
    protected void emptyFrom() {}

    /** Records a top-level result column. */
    protected void result(Expression<?> e) { placeholders.result(e); }

    /**
     * The FROM list: explicit items, then tables of columns used in the select list, WHERE, GROUP BY,
     * HAVING and ORDER BY that no explicit item covers. In a nested select, tables that an enclosing
     * select already has are correlated (left out), unless that would leave no FROM at all.
     */
    protected List<FromItem> effectiveFroms(Select<?> s) { return SelectRenderer.effectiveFroms(this, s); }

    /**
     * {@code [OFFSET n ROWS] FETCH FIRST n ROWS ONLY | WITH TIES} (SQL:2008), where
     * {@link DialectFeatures#supportsFetchFirst()}; a CompileError elsewhere.
     */
    protected void offsetFetch(Select<?> s) { SelectRenderer.offsetFetch(this, s); }

    /**
     * A LIMIT, OFFSET or FETCH FIRST count: a bind parameter or literal anywhere; another expression only
     * where the database evaluates one there (not MySQL/MariaDB, which take {@code ?} or a number).
     */
    protected void limitValue(Expression<?> e, String clause) { SelectRenderer.limitValue(this, e, clause); }

    /** ANSI-ish {@code LIMIT ? OFFSET ?}; dialects that need LIMIT with OFFSET override. */
    protected void limitOffset(Expression<?> limit, Expression<?> offset) { SelectRenderer.limitOffset(this, limit, offset); }

    protected void lock(LockMode mode) { SelectRenderer.lock(this, mode); }

    // ---- set operations ------------------------------------------------------------------------------

    public void visitCompoundSelect(CompoundSelect<?> cs) { SelectRenderer.compoundSelect(this, cs); }

    /**
     * One member of a compound. Members with their own ORDER BY / LIMIT, and nested compounds, go in
     * parentheses; where the database does not allow that (SQLite), they become the derived table of
     * {@code SELECT * FROM (...)}, which means the same.
     */
    protected void setMember(Query<?> member, int position) { SelectRenderer.setMember(this, member, position); }

    // ---- common table expressions ------------------------------------------------------------------

    /** Names of the CTEs declared by enclosing WITH clauses, to catch a CTE used but never declared. */
    final java.util.Set<Object> declaredCtes = new java.util.HashSet<>();

    public void visitCte(Cte c) { CteRenderer.cte(this, c); }

    public void visitWithQuery(WithQuery<?> w) {
        withClause(w.ctes());
        visit(w.body());
    }

    public void visitWithDml(WithDml w) { CteRenderer.withDml(this, w); }

    /** {@code WITH [RECURSIVE] name(cols) AS (query), ... } followed by a space. */
    protected void withClause(List<Cte> ctes) { CteRenderer.withClause(this, ctes); }

    // ---- DML -----------------------------------------------------------------------------------------

    public void visitInsert(Insert i) { DmlRenderer.insert(this, i); }

    /** The portable upsert, ANSI-ish {@code ON CONFLICT (keys) DO NOTHING | DO UPDATE SET ...} (PostgreSQL, SQLite). */
    public void visitOnConflict(OnConflict oc) { DmlRenderer.onConflict(this, oc); }

    /** {@code col = value, ...} of a SET clause; columns qualified by {@code qualifier} when it is not null. */
    protected void assignments(List<Update.Assignment> list, String qualifier) { DmlRenderer.assignments(this, list, qualifier); }

    /** {@code excluded.col}: the row an upsert proposed. */
    public void visitExcluded(Excluded<?> e) {
        sql.append("excluded.");
        appendIdentifier(e.column().name());
    }

    /** {@code " (a, b, ...)"}: the column list of an INSERT. */
    protected void columnList(List<Column<?>> cols) { DmlRenderer.columnList(this, cols); }

    protected void defaultValues() { sql.append(" DEFAULT VALUES"); }

    /**
     * The row source of an INSERT of column arrays ({@link Insert#columnArrays()}): after the column
     * list, a SELECT reading one row per array index from {@code arrays} (one parameter per column),
     * in index order. Only a dialect that {@linkplain org.athanor.core.compile.DialectFeatures#insertFromArrays()
     * has it} renders one (PostgreSQL: {@code unnest ... WITH ORDINALITY}).
     */
    protected void insertFromArrays(List<Column<?>> cols, List<Expression<?>> arrays) {
        throw unsupported("INSERT of column arrays");
    }

    /**
     * {@code RETURNING cols} (unqualified, as a select list, giving the result columns at the top
     * level); throws naming {@code construct} when the dialect does not support it.
     */
    protected void returning(List<Expression<?>> cols, boolean supported, String construct) {
        DmlRenderer.returning(this, cols, supported, construct);
    }

    public void visitUpdate(Update u) { DmlRenderer.update(this, u); }

    /**
     * The FROM items an UPDATE renders: its explicit {@link Update#from()} items, then the tables its SET
     * values and WHERE name outside subqueries that the target and those items do not cover.
     */
    protected List<FromItem> updateFroms(Update u) { return DmlRenderer.updateFroms(u); }

    /** The USING items a DELETE renders: its explicit {@link Delete#using()} items, then the tables its WHERE names outside subqueries. */
    protected List<FromItem> deleteUsings(Delete d) { return DmlRenderer.deleteUsings(d); }

    /** {@code UPDATE ... FROM other} (PostgreSQL, SQLite 3.33+); MySQL overrides with multi-table UPDATE. */
    protected void updateFrom(Update u) { DmlRenderer.updateFrom(this, u); }

    public void visitDelete(Delete d) { DmlRenderer.delete(this, d); }

    /**
     * {@code DELETE FROM t USING u WHERE c} without USING: {@code DELETE FROM t WHERE EXISTS (SELECT 1
     * FROM u WHERE c)} deletes exactly the rows of t for which some row of u satisfies c.
     */
    protected void deleteUsingAsExists(Delete d) { Emulations.deleteUsingAsExists(this, d); }

    /** {@code DELETE FROM t USING u, ...} (PostgreSQL); MySQL overrides visitDelete with multi-table DELETE. */
    protected void deleteUsing(Delete d) { DmlRenderer.deleteUsing(this, d); }
}
