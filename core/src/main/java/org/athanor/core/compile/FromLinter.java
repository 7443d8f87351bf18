package org.athanor.core.compile;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.BooleanList;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.FromItem;
import org.athanor.core.sql.Join;
import org.athanor.core.sql.Lateral;
import org.athanor.core.sql.Operator;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.SqlNode;

/**
 * Finds a SELECT whose FROM list is a cartesian product nobody asked for (SQLAlchemy's "from linter"): a FROM
 * element that no JOIN, ON or WHERE/HAVING condition links to the others. Each FROM item (a join and what it joins
 * counts as one) is a node; each AND-ed condition links the nodes whose columns it reads (an OR, a function, a
 * comparison: every table it names). More than one group of linked nodes means every row of one group is paired
 * with every row of the other, the classic mistake of filtering on a related table's column without joining it
 * ({@code query(User).filter(Address.email.like(...))}). An explicit {@code crossJoin} is one node and never flagged;
 * a LATERAL item reads the items before it and is taken as linked to them. Conditions inside a subquery belong to
 * that subquery's own check (as in SQLAlchemy). Compile-time only, and only for a FROM list of two items or more.
 */
final class FromLinter {
    private FromLinter() {}

    /** The warning for {@code s}, whose FROM list (explicit and implied) is {@code froms}; null when every item is linked. */
    static String check(SqlCompiler c, Select<?> s, List<FromItem> froms) {
        int n = froms.size();
        if (n < 2) return null;
        List<List<Table>> tables = new ArrayList<>(n);
        for (FromItem f : froms) tables.add(Join.tablesOf(f));
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        List<SqlNode> conditions = new ArrayList<>();
        conjuncts(s.where(), conditions);
        conjuncts(s.having(), conditions);
        for (FromItem f : froms) ons(f, conditions);
        for (SqlNode cond : conditions) {
            int first = -1;
            for (Table t : Select.tablesOf(List.of(cond))) {
                int node = nodeOf(tables, c.adapted(t));
                if (node < 0) continue; // an enclosing query's table (correlation) or none of this FROM list
                if (first < 0) first = node;
                else union(parent, first, node);
            }
        }
        for (int i = 0; i < n; i++)
            for (Table t : tables.get(i))
                if (t instanceof Lateral) for (int j = 0; j < i; j++) union(parent, i, j);
        int root = find(parent, 0);
        List<String> linked = new ArrayList<>(), apart = new ArrayList<>();
        for (int i = 0; i < n; i++) (find(parent, i) == root ? linked : apart).add(name(tables.get(i)));
        if (apart.isEmpty()) return null;
        return "cartesian product: FROM element(s) " + String.join(", ", apart) + " linked to " + String.join(", ", linked)
                + " by no JOIN, ON or WHERE condition, so the result pairs every row of one with every row of the other; "
                + "join them (a JOIN with ON, or a WHERE comparison between their columns), or use crossJoin(...) if every "
                + "combination is meant";
    }

    /** The AND-ed parts of {@code e} (nested ANDs flattened), each a condition of its own. */
    private static void conjuncts(SqlNode e, List<SqlNode> out) {
        if (e == null) return;
        if (e instanceof BooleanList b && b.op() == Operator.AND) {
            for (Expression<Boolean> x : b.items()) conjuncts(x, out);
        } else out.add(e);
    }

    /** The ON conditions of the joins inside {@code f}: one may read a table of another FROM item. */
    private static void ons(FromItem f, List<SqlNode> out) {
        if (!(f instanceof Join j)) return;
        conjuncts(j.on(), out);
        ons(j.left(), out);
        ons(j.right(), out);
    }

    /** The FROM item holding {@code t} (by identity, else a derived table named like it), or -1. */
    private static int nodeOf(List<List<Table>> tables, Table t) {
        for (int i = 0; i < tables.size(); i++) for (Table x : tables.get(i)) if (x == t) return i;
        if (t.isDerived() || t.alias() != null) return -1;
        for (int i = 0; i < tables.size(); i++)
            for (Table x : tables.get(i)) if (x.isDerived() && x.qualifier().equalsIgnoreCase(t.name())) return i;
        return -1;
    }

    private static String name(List<Table> item) {
        StringBuilder b = new StringBuilder();
        for (Table t : item) {
            if (b.length() > 0) b.append(" JOIN ");
            b.append('"').append(t.qualifier()).append('"');
        }
        return b.toString();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void union(int[] parent, int a, int b) { parent[find(parent, a)] = find(parent, b); }
}
