package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.uow.InstanceState;

import org.athanor.orm.internal.mapping.Mapper;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.athanor.core.engine.RowReader;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.OrderItem;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.Subquery;

/**
 * {@link Loaders#joinedLoad}: the query's statement gets a LEFT OUTER JOIN per joined relationship (and
 * per {@code then(joinedLoad(...))} below it) with the related entity's columns appended to its select
 * list. Each row is hydrated into the root object and the related objects; the root objects are
 * de-duplicated in the order they first appear, and each collection takes its elements once, in row
 * order (the relationship's {@code @OrderBy} and then the element key are appended to ORDER BY). With
 * LIMIT or OFFSET the root entity's select is made a subquery (as SQLAlchemy does), so the limit counts
 * objects, not joined rows. Only used when a query has a joined option: other loads do not pass here.
 */
final class JoinedLoading {
    private JoinedLoading() {}

    static boolean any(List<LoadSpec> options) {
        for (LoadSpec o : options) if (o.strategy.inStatement()) return true;
        return false;
    }

    /** One joined relationship: the entity it loads, where its columns sit, and its parent node. */
    private static final class Node {
        final Node parent;
        final Mapper info;
        final LoadSpec option; // null for the root
        final int index; // the toOne (k) or toMany (m) slot in parent.info
        final boolean collection;
        /** An inverse one-to-one (index j in parent.info.inverseOnes): joined as a collection, one element at most. */
        boolean inverse;
        /** The alias of the entity's table this node reads (null for the root, which reads the query's own FROM). */
        Table table;
        int offset;
        final List<Node> children = new ArrayList<>();
        /** Distinct objects of this node, in the order they first appear, and their states. */
        final List<Object> objects = new ArrayList<>();
        final List<InstanceState> states = new ArrayList<>();
        final Map<Object, Boolean> seen = new IdentityHashMap<>();
        /** The object of the previous row (rows come grouped by the root, so most rows repeat it). */
        Object last;
        /** For a collection: the elements per parent object, distinct, in row order. */
        final Map<Object, List<Object>> elements = new IdentityHashMap<>();
        final Map<Object, Map<Object, Boolean>> elementSeen = new IdentityHashMap<>();

        Node(Node parent, Mapper info, LoadSpec option, int index, boolean collection) {
            this.parent = parent;
            this.info = info;
            this.option = option;
            this.index = index;
            this.collection = collection;
        }

        List<LoadSpec> options() { return option == null ? null : option.children; }
    }

    static List<Object> list(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options) {
        Node root = new Node(null, info, null, -1, false);
        boolean limited = select.limit() != null || select.offset() != null || select.fetchFirst() != null;
        build(root, options, new int[] {0});
        checkContainsEager(root, select, limited);

        int n = info.attrs.length;
        Select<Row> base;
        Function<Expression<?>, Expression<?>> rootColumn;
        List<OrderItem> order = new ArrayList<>();
        if (limited) {
            Subquery sub = select.subquery("anon_" + info.table.name());
            List<Expression<?>> inner = select.columns();
            rootColumn = e -> {
                if (!inner.contains(e))
                    throw new IllegalArgumentException("joinedLoad with limit/offset on " + info.name + ": ORDER BY " + e
                            + " is not one of " + info.name + "'s columns, and the limited " + info.name + " rows are read "
                            + "from a subquery; order by " + info.name + "'s own columns, or use selectinLoad");
                return sub.get(e);
            };
            List<Expression<?>> cols = new ArrayList<>();
            for (int i = 0; i < n; i++) cols.add(sub.get(inner.get(i)));
            base = Sql.select(cols).from(sub);
            for (OrderItem o : select.orderBy())
                order.add(new OrderItem(rootColumn.apply(o.expression()), o.descending(), o.nulls()));
        } else {
            rootColumn = e -> e;
            base = select;
        }
        List<Expression<?>> columns = new ArrayList<>(limited ? base.columns() : select.columns().subList(0, n));
        Select<Row> stmt = base;
        int[] next = {n};
        List<Node> all = new ArrayList<>();
        stmt = join(root, stmt, columns, order, next, all, rootColumn);
        stmt = stmt.withColumns(columns.toArray(Expression<?>[]::new));
        if (limited) {
            if (!order.isEmpty()) stmt = stmt.orderBy(order.toArray(OrderItem[]::new));
        } else if (!order.isEmpty()) stmt = stmt.orderBy(order.toArray(OrderItem[]::new));

        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, stmt);
        RowReader<Object[]> rootValues = Loading.values(q.primary());
        List<RowReader<Object[]>> nodeValues = new ArrayList<>();
        for (Node node : all) nodeValues.add(Loading.values(new OrmCompiler.EntityColumns(node.info.loadTarget, node.offset)));
        int count = all.size();
        int[] parentAt = new int[count];
        for (int i = 0; i < count; i++) parentAt[i] = all.indexOf(all.get(i).parent) + 1;
        s.connection().execute(q.statement(), (rs, t) -> {
            InstanceState[] row = new InstanceState[count + 1];
            row[0] = Loading.materialize(s, info, rootValues.read(rs, t));
            for (int i = 0; i < count; i++) {
                Node node = all.get(i);
                if (row[parentAt[i]] == null) continue;
                Object[] v = nodeValues.get(i).read(rs, t);
                if (node.info.hasNullId(v)) continue; // no related row (LEFT OUTER JOIN)
                row[i + 1] = Loading.materialize(s, node.info, v);
            }
            note(root, row[0]);
            for (int i = 0; i < count; i++) {
                Node node = all.get(i);
                if (row[i + 1] == null) continue;
                Object o = row[i + 1].obj();
                note(node, row[i + 1]);
                if (node.collection || node.inverse) {
                    Object parent = row[parentAt[i]].obj();
                    Map<Object, Boolean> seen = node.elementSeen.computeIfAbsent(parent, x -> new IdentityHashMap<>());
                    if (seen.put(o, Boolean.TRUE) == null) node.elements.computeIfAbsent(parent, x -> new ArrayList<>()).add(o);
                }
            }
            return row;
        }).all();
        finish(s, root, options);
        return root.objects;
    }

    private static void note(Node node, InstanceState st) {
        Object o = st.obj();
        if (o == node.last) return;
        node.last = o;
        if (node.seen.put(o, Boolean.TRUE) == null) {
            node.objects.add(o);
            node.states.add(st);
        }
    }

    /** A containsEager node must read a table (or alias) of the query's own FROM, and the query must not be limited. */
    private static void checkContainsEager(Node node, Select<Row> select, boolean limited) {
        for (Node child : node.children) {
            if (child.option.strategy == LoadSpec.Strategy.CONTAINS_EAGER) {
                if (limited)
                    throw new IllegalArgumentException(child.option + " with limit/offset (also first(), one()): the limit would "
                            + "count joined rows, not " + node.info.name + " objects; use all(), or joinedLoad/selectinLoad");
                boolean joined = false;
                for (org.athanor.core.sql.FromItem f : select.from())
                    for (Table t : org.athanor.core.sql.Join.tablesOf(f)) joined |= t == child.table;
                if (!joined)
                    throw new IllegalArgumentException(child.option + ": the query does not read " + child.table + "; join it "
                            + "first, e.g. query.join(" + child.option.relationship.owner().getSimpleName() + "_."
                            + child.option.relationship.name() + (child.table.alias() != null ? ", " + child.table.alias() : "")
                            + "), or use joinedLoad");
            }
            checkContainsEager(child, select, limited);
        }
    }

    /**
     * Builds the tree of joined options below {@code node}. Every joined table is read through its own
     * alias ({@code <table>_<n>}, numbered in the statement as SQLAlchemy does), so a path may repeat a table
     * (an entity related to itself, {@code Writer.articles} then {@code Article.editor}, or a table the
     * query joins itself) without its columns or ON clauses being confused.
     */
    private static void build(Node node, List<LoadSpec> options, int[] aliases) {
        for (LoadSpec o : options) {
            if (!o.strategy.inStatement()) continue;
            Mapper info = node.info;
            String name = o.relationship.name();
            Node child = null;
            for (int m = 0; m < info.toManys.length && child == null; m++)
                if (info.toManys[m].name().equals(name)) child = new Node(node, info.toManyTarget(m), o, m, true);
            for (int k = 0; k < info.toOnes.length && child == null; k++)
                if (info.toOnes[k].name().equals(name)) child = new Node(node, info.toOneTarget(k), o, k, false);
            for (int j = 0; j < info.inverseOnes.length && child == null; j++)
                if (info.inverseOnes[j].name().equals(name)) {
                    child = new Node(node, info.inverseOneTarget(j), o, j, false);
                    child.inverse = true;
                }
            if (child == null)
                throw new IllegalArgumentException(o + ": " + info.name + " has no relationship " + name);
            child.table = o.strategy == LoadSpec.Strategy.CONTAINS_EAGER ? o.from
                    : child.info.table.as(child.info.table.name() + "_" + ++aliases[0]);
            node.children.add(child);
            build(child, o.children, aliases);
        }
    }

    /** Adds the LEFT OUTER JOINs, select-list columns and ORDER BY terms of {@code node}'s children (depth first). */
    @SuppressWarnings("unchecked")
    private static Select<Row> join(Node node, Select<Row> stmt, List<Expression<?>> columns, List<OrderItem> order, int[] next,
                                    List<Node> all, Function<Expression<?>, Expression<?>> rootColumn) {
        Function<Expression<?>, Expression<?>> parentColumn = node.parent == null ? rootColumn
                : e -> node.table.corresponding((Column<?>) e);
        Mapper p = node.info;
        for (Node child : node.children) {
            Mapper c = child.info;
            Table alias = child.table;
            Expression<Boolean> on;
            if (child.collection || child.inverse) {
                int back = child.collection ? p.toManyBackRef(child.index) : p.inverseOneBackRef(child.index);
                Column<Object> fk = alias.corresponding((Column<Object>) c.toOnes[back].column());
                Expression<Object> id = (Expression<Object>) parentColumn.apply(p.attrs[p.idIdx[0]].column());
                on = fk.eq(id);
            } else {
                Expression<Object> fk = (Expression<Object>) parentColumn.apply(p.toOnes[child.index].column());
                Column<Object> id = alias.corresponding((Column<Object>) c.attrs[c.idIdx[0]].column());
                on = id.eq(fk);
            }
            // containsEager: the query joined the table itself; its columns are read from that join
            if (child.option.strategy != LoadSpec.Strategy.CONTAINS_EAGER) stmt = stmt.leftJoin(alias, on);
            child.offset = next[0];
            for (Column<?> col : c.columns) columns.add(alias.corresponding(col));
            next[0] += c.attrs.length;
            if (child.collection)
                for (OrderItem o : CollectionLoading.orderBy(c, p.toManys[child.index]))
                    order.add(new OrderItem(alias.corresponding((Column<?>) o.expression()), o.descending(), o.nulls()));
            all.add(child);
            stmt = join(child, stmt, columns, order, next, all, rootColumn);
        }
        return stmt;
    }

    /** Resolves references, installs collections (the joined ones loaded), and applies the non-joined options, level by level. */
    private static void finish(Loading.Host s, Node node, List<LoadSpec> options) {
        Mapper info = node.info;
        List<Object> objects = node.objects;
        if (objects.isEmpty()) return;
        if (info.loadsRelated()) ToOneLoading.resolve(s, info, node.states, options);
        if (info.toManys.length > 0) Loading.installCollections(s, info, node.states);
        for (Node child : node.children) {
            if (!child.collection) continue;
            for (Object owner : objects) {
                CollectionState cs = CollectionState.stateOf(s, owner, info, child.index);
                if (cs == null || cs.items != null) continue; // already loaded: kept, as SQLAlchemy without populate_existing
                List<Object> els = child.elements.get(owner);
                cs.items = els == null ? new ArrayList<>() : new ArrayList<>(els);
            }
        }
        for (Node child : node.children) {
            if (!child.inverse) continue;
            for (Object owner : objects) {
                List<Object> els = child.elements.get(owner);
                info.inverseOnes[child.index].set(owner, els == null ? null : els.get(0));
            }
        }
        List<LoadSpec> rest = new ArrayList<>();
        for (LoadSpec o : options) if (!o.strategy.inStatement()) rest.add(o);
        if (!rest.isEmpty() && info.toManys.length > 0) CollectionLoading.apply(s, info, node.states, rest);
        for (Node child : node.children) finish(s, child, child.options());
    }
}
