package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.OrderItem;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.Subquery;

/**
 * The statement of a joined load ({@link JoinedLoading}): the tree of joined options below the query's entity, one
 * LEFT OUTER JOIN (through an alias of its own) per node, each node's columns appended to the select list, and its
 * collection's ORDER BY terms after the query's own. With LIMIT or OFFSET the query's select becomes a subquery.
 * A node whose option asks {@code innerJoin()} is an INNER JOIN when its parent is inner-joined too (the query's
 * entity is): below a LEFT OUTER JOIN it stays outer, so it cannot drop the rows the outer join kept (SQLAlchemy's
 * {@code innerjoin="unnested"}).
 */
final class JoinedStatement {
    private JoinedStatement() {}

    /**
     * The joined statement, {@code root}: a fresh tree of nodes for this load, {@code nodes} every node (the root first,
     * then depth first), and where the query's {@code extra} last columns start in the statement.
     */
    record Built(Select<Row> statement, JoinedNode root, List<JoinedNode> nodes, int extraFrom) {}

    /** Builds the statement reading {@code info}'s rows of {@code select} with the joined {@code options}. */
    static Built of(Mapper info, Select<Row> select, List<LoadSpec> options, int extra) {
        boolean limited = select.limit() != null || select.offset() != null || select.fetchFirst() != null;
        int n = info.loadTarget.columnCount(); // a polymorphic root: its subclasses' columns too
        JoinedPlan plan;
        Select<Row> stmt;
        List<Expression<?>> columns;
        List<OrderItem> order = new ArrayList<>();
        if (limited) {
            // the root's rows come from a subquery of this select: the joins' ON read its columns, so this plan is the query's own
            List<Expression<?>> inner = select.columns(); // each column once (Polymorphic.setOwnLoading), as a derived table needs
            Subquery sub = select.subquery("anon_" + info.table.name());
            Function<Expression<?>, Expression<?>> rootColumn = e -> {
                if (!inner.contains(e))
                    throw new IllegalArgumentException("joinedLoad with limit/offset on " + info.name + ": ORDER BY " + e
                            + " is not one of " + info.name + "'s columns, and the limited " + info.name + " rows are read "
                            + "from a subquery; order by " + info.name + "'s own columns, or use selectinLoad");
                return sub.get(e);
            };
            plan = plan(info, options, rootColumn, extra);
            List<Expression<?>> cols = new ArrayList<>();
            for (int i = 0; i < n; i++) cols.add(sub.get(inner.get(i)));
            stmt = Sql.select(cols).from(sub);
            columns = new ArrayList<>(cols);
            for (OrderItem o : select.orderBy())
                order.add(new OrderItem(rootColumn.apply(o.expression()), o.descending(), o.nulls()));
        } else {
            plan = info.joinedPlans.find(options, extra);
            if (plan == null) {
                plan = plan(info, options, e -> e, extra);
                info.joinedPlans.add(plan);
            }
            stmt = select;
            columns = new ArrayList<>(select.columns().subList(0, n));
        }
        List<JoinedNode> all = new ArrayList<>();
        JoinedNode root = copy(plan.root, null, null, options, all);
        checkContainsEager(root, select, limited);
        for (JoinedPlan.Step j : plan.joins) stmt = j.inner() ? stmt.join(j.table(), j.on()) : stmt.leftJoin(j.table(), j.on());
        columns.addAll(plan.columns);
        int extraFrom = columns.size();
        columns.addAll(select.columns().subList(select.columns().size() - extra, select.columns().size()));
        stmt = stmt.withColumns(columns.toArray(Expression<?>[]::new));
        order.addAll(plan.order);
        if (!order.isEmpty()) stmt = stmt.orderBy(order.toArray(OrderItem[]::new));
        return new Built(stmt, root, all, extraFrom);
    }

    /** The plan for {@code options}: the tree of nodes, then its joins, columns and ORDER BY terms. */
    private static JoinedPlan plan(Mapper info, List<LoadSpec> options, Function<Expression<?>, Expression<?>> rootColumn, int extra) {
        int n = info.loadTarget.columnCount();
        JoinedPlan.Node root = new JoinedPlan.Node(info, null, -1, false, false, null, null, null, 0, -1,
                children(info, options, new int[] {0}, new int[] {n}));
        List<JoinedPlan.Step> joins = new ArrayList<>();
        List<Expression<?>> columns = new ArrayList<>();
        List<OrderItem> order = new ArrayList<>();
        join(root, rootColumn, true, joins, columns, order);
        return new JoinedPlan(root, joins, columns, order, extra);
    }

    /**
     * A fresh node for one load with {@code shape}'s structure and this load's {@code option}; its children paired
     * with {@code options}' statement-read ones, in order (a kept plan agrees with this load on everything the
     * statement reads, not on options loaded after it, e.g. a {@code then(selectinLoad(...))}), and appended to
     * {@code all} depth first, the root first.
     */
    private static JoinedNode copy(JoinedPlan.Node shape, JoinedNode parent, LoadSpec option, List<LoadSpec> options, List<JoinedNode> all) {
        JoinedNode node = new JoinedNode(shape, parent, option);
        all.add(node);
        int c = 0;
        for (LoadSpec o : options)
            if (o.strategy.inStatement()) node.children.add(copy(shape.children.get(c++), node, o, o.children, all));
        return node;
    }

    /** A containsEager node must read a table (or alias) of the query's own FROM, and the query must not be limited. */
    private static void checkContainsEager(JoinedNode node, Select<Row> select, boolean limited) {
        for (JoinedNode child : node.children) {
            if (child.plan.containsEager()) {
                Table table = child.plan.table;
                if (limited)
                    throw new IllegalArgumentException(child.option + " with limit/offset (also first(), one()): the limit would "
                            + "count joined rows, not " + node.info.name + " objects; use all(), or joinedLoad/selectinLoad");
                boolean joined = false;
                for (org.athanor.core.sql.FromItem f : select.from())
                    for (Table t : org.athanor.core.sql.Join.tablesOf(f)) joined |= t == table;
                if (!joined)
                    throw new IllegalArgumentException(child.option + ": the query does not read " + table + "; join it "
                            + "first, e.g. query.join(" + child.option.relationship.owner().getSimpleName() + "_."
                            + child.option.relationship.name() + (table.alias() != null ? ", " + table.alias() : "")
                            + "), or use joinedLoad");
            }
            checkContainsEager(child, select, limited);
        }
    }

    /**
     * The nodes of the joined options below a node of class {@code info}, depth first: each joined table is read
     * through its own alias ({@code <table>_<n>}, numbered in the statement as SQLAlchemy does), so a path may repeat a
     * table (an entity related to itself, {@code Writer.articles} then {@code Article.editor}, or a table the query joins
     * itself) without its columns or ON clauses being confused. {@code next}: where the next node's columns start
     * (they are appended in the same depth-first order by {@link #join}).
     */
    private static List<JoinedPlan.Node> children(Mapper info, List<LoadSpec> options, int[] aliases, int[] next) {
        List<JoinedPlan.Node> children = new ArrayList<>();
        for (LoadSpec o : options) {
            if (!o.strategy.inStatement()) continue;
            String name = o.relationship.name();
            Mapper target = null;
            int index = -1;
            boolean collection = false, inverse = false;
            for (int m = 0; m < info.toManys.length && target == null; m++)
                if (info.toManys[m].name().equals(name)) {
                    target = info.toManyTarget(m);
                    index = m;
                    collection = true;
                }
            for (int k = 0; k < info.toOnes.length && target == null; k++)
                if (info.toOnes[k].name().equals(name)) {
                    target = info.toOneTarget(k);
                    index = k;
                }
            for (int j = 0; j < info.inverseOnes.length && target == null; j++)
                if (info.inverseOnes[j].name().equals(name)) {
                    target = info.inverseOneTarget(j);
                    index = j;
                    inverse = true;
                }
            if (target == null)
                throw new IllegalArgumentException(o + ": " + info.name + " has no relationship " + name);
            boolean polymorphic = isPolymorphic(target);
            if (polymorphic) refuseUnjoinable(o, target);
            Table table = o.strategy == LoadSpec.Strategy.CONTAINS_EAGER ? o.from
                    : target.table.as(target.table.name() + "_" + ++aliases[0]);
            Map<Table, Table> tables = null;
            if (polymorphic) {
                tables = new java.util.LinkedHashMap<>();
                for (Table t : loadTables(target))
                    tables.put(t, t == target.table ? table : t.as(t.name() + "_" + ++aliases[0]));
            }
            org.athanor.orm.mapping.Secondary sec = collection ? info.toManySecondary(index) : null;
            // a @OneToMany @JoinColumn's "secondary table" is the element's own: joined once, on its key column (join)
            Table secondary = sec != null && !sec.inElementTable() && o.strategy != LoadSpec.Strategy.CONTAINS_EAGER
                    ? sec.table().as(sec.table().name() + "_" + ++aliases[0]) : null;
            int offset = next[0], fromParent = fromParent(info, target, o, collection, inverse, index);
            next[0] += target.loadTarget.columnCount() - (fromParent >= 0 ? 1 : 0);
            children.add(new JoinedPlan.Node(target, o, index, collection, inverse, table, tables, secondary, offset, fromParent,
                    children(target, o.children, aliases, next)));
        }
        return children;
    }

    /**
     * The attribute of {@code target}'s reference back to its parent (of class {@code parent}) that the node's rows need
     * not select, or -1: for a one-to-many (mapped by that reference) or an inverse one-to-one joined on it (not a
     * containsEager, whose ON is the query's), the join's ON makes its single column the parent's key, which each row
     * reads already; both classes keyed (one key column, their columns their attributes in order, as
     * JoinedLoading.keyColumn reads them); not when it is the element's own key. (A collection's ORDER BY names its
     * own attributes and key, never a reference's column: it need not be selected for a DISTINCT query.)
     */
    static int fromParent(Mapper parent, Mapper target, LoadSpec o, boolean collection, boolean inverse, int index) {
        if (o.strategy == LoadSpec.Strategy.CONTAINS_EAGER) return -1;
        int back;
        if (collection && parent.toManySecondary(index) == null) back = parent.toManyBackRef(index);
        else if (inverse) back = parent.inverseOneBackRef(index);
        else return -1;
        if (back < 0 || target.toOnes[back].width() != 1 || !keyed(parent) || !keyed(target)) return -1;
        int at = target.keySlot(back);
        return at == target.idIdx[0] ? -1 : at; // a derived identity: the key is read apart (keyColumn)
    }

    /** Whether {@code m}'s rows are read by their single key column with the rest in attribute order (JoinedLoading.keyColumn). */
    static boolean keyed(Mapper m) {
        return m.idIdx.length == 1 && m.layoutCount() == 1 && m.loadTarget.columnCount() == m.attrs.length;
    }

    /**
     * Adds the joins, select-list columns and ORDER BY terms of {@code node}'s children (depth first): LEFT OUTER JOINs,
     * or INNER JOINs for the children asking {@code innerJoin()} when {@code nodeInner} (the node's rows are never
     * NULL-extended: the query's entity, or a node inner-joined itself).
     */
    @SuppressWarnings("unchecked")
    private static void join(JoinedPlan.Node node, Function<Expression<?>, Expression<?>> parentColumn, boolean nodeInner,
                             List<JoinedPlan.Step> joins, List<Expression<?>> columns, List<OrderItem> order) {
        Mapper p = node.info;
        for (JoinedPlan.Node child : node.children) {
            Mapper c = child.info;
            boolean inner = nodeInner && child.innerJoin;
            // the table joined first: the one holding the column the relationship joins on (a JOINED element's
            // back reference may be in its subclass table); a JOINED target's further tables follow on its key
            Table first;
            Expression<Boolean> on;
            if (child.secondary != null) {
                // a many-to-many: parent LEFT OUTER JOIN secondary LEFT OUTER JOIN element
                org.athanor.orm.mapping.Secondary sec = p.toManySecondary(child.index);
                List<Expression<?>> id = new ArrayList<>(), target = new ArrayList<>();
                for (Expression<?> col : p.idColumns()) id.add(parentColumn.apply(col));
                for (Expression<?> col : c.idColumns()) target.add(read(child, (Column<?>) col));
                Expression<Boolean> toSecondary = KeyConditions.join(sec.locals().stream().map(child.secondary::corresponding).toList(), id);
                joins.add(new JoinedPlan.Step(child.secondary, toSecondary, inner));
                first = ((Column<?>) target.get(0)).table();
                on = KeyConditions.join(target, sec.remotes().stream().map(child.secondary::corresponding).toList());
            } else if (child.collection && p.toManySecondary(child.index) != null && p.toManySecondary(child.index).inElementTable()
                    && !child.containsEager()) {
                // a @OneToMany @JoinColumn: parent LEFT OUTER JOIN element ON element.<key column> = parent.id
                Expression<Object> id = (Expression<Object>) parentColumn.apply(p.attrs[p.idIdx[0]].column());
                Column<Object> fk = (Column<Object>) read(child, p.toManySecondary(child.index).local());
                first = fk.table();
                on = fk.eq(id);
            } else if (child.collection && p.toManySecondary(child.index) != null) {
                first = child.table;
                on = null; // containsEager: the query joined the secondary and element tables itself
            } else if (child.collection || child.inverse) {
                int back = child.collection ? p.toManyBackRef(child.index) : p.inverseOneBackRef(child.index);
                List<Expression<?>> fk = new ArrayList<>(), id = new ArrayList<>();
                for (Column<Object> col : c.toOnes[back].columns()) fk.add(read(child, col));
                for (Expression<?> col : p.idColumns()) id.add(parentColumn.apply(col));
                first = ((Column<?>) fk.get(0)).table();
                on = KeyConditions.join(fk, id);
            } else {
                List<Expression<?>> fk = new ArrayList<>(), id = new ArrayList<>();
                for (Column<Object> col : p.toOnes[child.index].columns()) fk.add(parentColumn.apply(col));
                for (Expression<?> col : c.idColumns()) id.add(read(child, (Column<?>) col));
                first = ((Column<?>) id.get(0)).table();
                on = KeyConditions.join(id, fk);
            }
            Expression<Boolean> only = onlyItsClasses(c, child.table); // on the target's root-table alias
            if (only != null && on != null && first == child.table) on = Sql.and(on, only);
            // containsEager: the query joined the table itself; its columns are read from that join
            if (!child.containsEager()) joins.add(new JoinedPlan.Step(first, on, inner));
            if (child.aliases != null)
                for (Map.Entry<Table, Table> t : child.aliases.entrySet()) {
                    if (t.getValue() == first) continue;
                    Expression<Boolean> keys = keysEqual(tableOf(child, first), first, t.getKey(), t.getValue());
                    joins.add(new JoinedPlan.Step(t.getValue(), only != null && t.getValue() == child.table ? Sql.and(keys, only) : keys, false));
                }
            List<Expression<?>> own = c.selectAll.columns();
            for (int i = 0; i < own.size(); i++) if (i != child.fromParent) columns.add(read(child, (Column<?>) own.get(i)));
            if (child.collection)
                for (OrderItem o : CollectionLoading.orderBy(c, p.toManys[child.index]))
                    order.add(new OrderItem(read(child, (Column<?>) o.expression()), o.descending(), o.nulls()));
            join(child, e -> read(child, (Column<?>) e), inner, joins, columns, order);
        }
    }

    /** Whether {@code c}'s load statement reads more than its own table's columns in attribute order (a class with subclasses, or JOINED). */
    private static boolean isPolymorphic(Mapper c) { return c.inheritance != null && c.loadTarget.columnCount() != c.attrs.length || c.tables().size() > 1; }

    /** The tables of {@code c}'s load statement: its own (root table first), then its subclasses' (JOINED); one for SINGLE_TABLE. */
    private static List<Table> loadTables(Mapper c) {
        return org.athanor.core.sql.Join.tablesOf(c.selectAll.from().get(0));
    }

    /** A polymorphic target joinedLoad cannot read through aliases of its tables: refused, naming what works. */
    private static void refuseUnjoinable(LoadSpec o, Mapper c) {
        if (c.inheritance.strategy() == jakarta.persistence.InheritanceType.TABLE_PER_CLASS)
            throw new IllegalArgumentException(o + ": " + c.name + " has subclasses in tables of their own (TABLE_PER_CLASS), "
                    + "read through a UNION ALL that a join cannot alias; use selectinLoad(" + o.relationship + ")");
        if (o.strategy == LoadSpec.Strategy.CONTAINS_EAGER && loadTables(c).size() > 1)
            throw new IllegalArgumentException(o + ": the rows of " + c.name + " span several tables (JOINED inheritance), "
                    + "and the query joined one of them; use joinedLoad or selectinLoad(" + o.relationship + ")");
    }

    /** Column {@code col} as {@code node} reads it: through the alias of the column's table. */
    private static Expression<?> read(JoinedPlan.Node node, Column<?> col) {
        if (node.aliases == null) return node.table.corresponding(col);
        Table t = node.aliases.get(col.table());
        if (t == null) throw new IllegalStateException("internal: " + col + " is in none of the tables joined for " + node.info.name);
        return t.corresponding(col);
    }

    /** For a SINGLE_TABLE or JOINED subclass target: its discriminator is one of its subtree's values (null: any row is one). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Boolean> onlyItsClasses(Mapper c, Table alias) {
        if (c.discriminator() == null || c == c.base()) return null;
        List<Object> values = new ArrayList<>();
        values.addAll(c.discriminatorValues());
        Column d = alias.corresponding(c.discriminator());
        return values.size() == 1 ? d.eq(values.get(0)) : d.in(values);
    }

    /** The table {@code alias} (one of {@code node}'s aliases) is an alias of. */
    private static Table tableOf(JoinedPlan.Node node, Table alias) {
        for (Map.Entry<Table, Table> e : node.aliases.entrySet()) if (e.getValue() == alias) return e.getKey();
        throw new IllegalStateException("internal: " + alias + " is not an alias of " + node.info.name);
    }

    /** {@code alias} (of {@code table}) has the key of {@code firstAlias} (of {@code firstTable}): two tables of one JOINED row. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Boolean> keysEqual(Table firstTable, Table firstAlias, Table table, Table alias) {
        // the tables' keys: an alias does not carry a composite key's constraint
        List<Column<?>> keys = table.primaryKeyColumns(), firstKeys = firstTable.primaryKeyColumns();
        List<Expression<Boolean>> parts = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++)
            parts.add(((Column) alias.corresponding(keys.get(k))).eq(firstAlias.corresponding((Column) firstKeys.get(k))));
        return parts.size() == 1 ? parts.get(0) : Sql.and(parts);
    }
}
