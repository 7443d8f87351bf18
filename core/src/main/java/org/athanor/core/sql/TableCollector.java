package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** Finds the tables an expression's columns belong to, not descending into subqueries. */
final class TableCollector {
    private TableCollector() {}

    static void collect(SqlNode n, List<Table> out) {
        if (n == null) return;
        if (n instanceof Column<?> c) { add(c.table(), out); return; }
        if (n instanceof Label<?> l) { collect(l.expression(), out); return; }
        if (n instanceof Comparison b) { collect(b.left(), out); collect(b.right(), out); return; }
        if (n instanceof Binary<?> b) { collect(b.left(), out); collect(b.right(), out); return; }
        if (n instanceof Unary<?> u) { collect(u.operand(), out); return; }
        if (n instanceof BooleanList l) { for (var i : l.items()) collect(i, out); return; }
        if (n instanceof Not x) { collect(x.operand(), out); return; }
        if (n instanceof IsNull x) { collect(x.operand(), out); return; }
        if (n instanceof IsDistinct x) { collect(x.left(), out); collect(x.right(), out); return; }
        if (n instanceof Between x) { collect(x.operand(), out); collect(x.low(), out); collect(x.high(), out); return; }
        if (n instanceof InList x) { collect(x.operand(), out); for (var i : x.items()) collect(i, out); return; }
        if (n instanceof InSelect x) { collect(x.operand(), out); return; }
        if (n instanceof Like x) { collect(x.operand(), out); collect(x.pattern(), out); return; }
        if (n instanceof RegexpMatch x) { collect(x.operand(), out); collect(x.pattern(), out); return; }
        if (n instanceof FunctionCall<?> f) { for (var a : f.args()) collect(a, out); return; }
        if (n instanceof Cast<?> c) { collect(c.operand(), out); return; }
        if (n instanceof Tuple t) { for (var i : t.items()) collect(i, out); return; }
        if (n instanceof OrderItem o) { collect(o.expression(), out); return; }
        if (n instanceof TableSource ts) { for (Table t : ts.sourceTables()) add(t, out); }
    }

    private static void add(Table t, List<Table> out) {
        for (Table x : out) if (x == t) return;
        out.add(t);
    }
}
