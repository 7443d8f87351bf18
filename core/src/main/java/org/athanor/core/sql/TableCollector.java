package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * FROM inference: the tables an expression's columns belong to, in order of appearance and each
 * once, not descending into subqueries (they have FROM lists of their own and correlate by
 * themselves). A visitor, so a node kind added to {@link SqlVisitor} must be handled here before core
 * compiles: a new expression cannot silently leave its table out of the FROM list.
 */
final class TableCollector implements SqlVisitor {
    private final List<Table> out;

    private TableCollector(List<Table> out) { this.out = out; }

    /** Adds the tables of {@code node} (may be null) to {@code out}. */
    static void collect(SqlNode node, List<Table> out) {
        if (node != null) node.accept(new TableCollector(out));
    }

    private void visit(SqlNode n) { if (n != null) n.accept(this); }

    private void visitAll(List<? extends SqlNode> nodes) { for (int i = 0, n = nodes.size(); i < n; i++) visit(nodes.get(i)); }

    private void add(Table t) {
        for (Table x : out) if (x == t) return;
        out.add(t);
    }

    // ---- nodes whose columns draw tables into FROM -------------------------------------------------

    @Override public void visitColumn(Column<?> c) { add(c.table()); }
    @Override public void visitLabel(Label<?> l) { visit(l.expression()); }
    @Override public void visitComparison(Comparison c) { visit(c.left()); visit(c.right()); }
    @Override public void visitBinary(Binary<?> b) { visit(b.left()); visit(b.right()); }
    @Override public void visitUnary(Unary<?> u) { visit(u.operand()); }
    @Override public void visitBooleanList(BooleanList b) { visitAll(b.items()); }
    @Override public void visitNot(Not n) { visit(n.operand()); }

    /** The expression's tables, its {@code from} table read as the alias {@code to}. */
    @Override
    public void visitAdapted(Adapted a) {
        List<Table> inner = new java.util.ArrayList<>();
        collect(a.expression(), inner);
        for (Table t : inner) add(t == a.from() ? a.to() : t);
    }
    @Override public void visitIsNull(IsNull n) { visit(n.operand()); }
    @Override public void visitIsDistinct(IsDistinct d) { visit(d.left()); visit(d.right()); }
    @Override public void visitBetween(Between b) { visit(b.operand()); visit(b.low()); visit(b.high()); }
    @Override public void visitInList(InList in) { visit(in.operand()); visitAll(in.items()); }
    /** The operand only: the subquery has its own FROM. */
    @Override public void visitInSelect(InSelect in) { visit(in.operand()); }
    @Override public void visitInArray(InArray in) { visit(in.operand()); }
    @Override public void visitTuple(Tuple t) { visitAll(t.items()); }
    @Override public void visitLike(Like l) { visit(l.operand()); visit(l.pattern()); }
    @Override public void visitRegexpMatch(RegexpMatch m) { visit(m.operand()); visit(m.pattern()); }
    @Override public void visitRegexpReplace(RegexpReplace r) { visit(r.operand()); visit(r.pattern()); visit(r.replacement()); }
    @Override public void visitFunction(FunctionCall<?> f) { visitAll(f.args()); }
    @Override public void visitCast(Cast<?> c) { visit(c.operand()); }
    @Override public void visitExtract(Extract e) { visit(e.operand()); }
    @Override public void visitAggregateFilter(AggregateFilter<?> f) { visit(f.aggregate()); visit(f.condition()); }
    @Override public void visitOrderItem(OrderItem o) { visit(o.expression()); }

    @Override
    public void visitCase(Case<?> c) {
        visit(c.subject());
        for (Case.When w : c.whens()) { visit(w.condition()); visit(w.result()); }
        visit(c.otherwise());
    }

    @Override
    public void visitOver(Over<?> o) {
        visit(o.function());
        visitAll(o.window().partitionBy());
        visitAll(o.window().orderBy());
    }

    /** What the extension declares (see {@link Extension#fromExpressions}). */
    @Override public void visitExtension(Extension e) { visitAll(e.fromExpressions()); }

    // ---- nodes that name no table of the enclosing query -------------------------------------------

    @Override public void visitParam(Param<?> p) {}
    @Override public void visitLiteral(Literal<?> l) {}
    @Override public void visitStar(Star s) {}
    @Override public void visitParamList(ParamList list) {}
    /** Raw SQL: its text is opaque, so it names no table FROM inference could see. */
    @Override public void visitText(Text t) {}
    @Override public void visitNextValue(NextValue n) {}
    /** {@code excluded.col} names the row an upsert proposed, not a table in FROM. */
    @Override public void visitExcluded(Excluded<?> e) {}

    // subqueries and FROM items: their tables are their own (correlation is decided when they render)
    @Override public void visitQuantified(Quantified<?> q) {}
    @Override public void visitScalarSubquery(ScalarSubquery<?> s) {}
    @Override public void visitExists(Exists e) {}
    @Override public void visitLateral(Lateral l) {}
    @Override public void visitTable(Table t) {}
    @Override public void visitSubquery(Subquery s) {}
    @Override public void visitCompoundSubquery(CompoundSubquery s) {}
    @Override public void visitValues(Values v) {}
    @Override public void visitJoin(Join j) {}

    // statements and clauses never stand inside an expression list
    @Override public void visitSelect(Select<?> s) {}
    @Override public void visitCompoundSelect(CompoundSelect<?> cs) {}
    @Override public void visitCte(Cte c) {}
    @Override public void visitWithQuery(WithQuery<?> w) {}
    @Override public void visitWithDml(WithDml w) {}
    @Override public void visitInsert(Insert i) {}
    @Override public void visitOnConflict(OnConflict oc) {}
    @Override public void visitUpdate(Update u) {}
    @Override public void visitDelete(Delete d) {}
}
