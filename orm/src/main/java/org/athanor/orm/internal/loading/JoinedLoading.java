package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.uow.InstanceState;

import org.athanor.orm.internal.mapping.KeyConditions;
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
        /**
         * A polymorphic target (a class with mapped subclasses, or in a JOINED hierarchy): every table its load
         * statement reads, by table, each through its own alias; the node's columns are its load statement's
         * columns read through these. Null otherwise (the node reads {@link #table} only).
         */
        Map<Table, Table> aliases;
        /** A many-to-many's secondary table alias, joined between the parent and {@link #table}; else null. */
        Table secondary;
        int offset;
        final List<Node> children = new ArrayList<>();
        /** Distinct objects of this node, in the order they first appear, and their states. */
        final List<Object> objects = new ArrayList<>();
        final List<InstanceState> states = new ArrayList<>();
        /** The objects noted, by identity: made when a key first comes out of ascending order (see {@link #note}). */
        Map<Object, Boolean> seen;
        /** While the keys noted come in ascending order: the last (greatest) one. */
        Object maxKey;
        /** The object of the previous row (rows come grouped by the root, so most rows repeat it). */
        Object last;
        /** For a collection: the elements per parent object, distinct, in row order. */
        final Map<Object, ArrayList<Object>> elements = new IdentityHashMap<>();
        /** Its objects' references bound at their rows (ToOneLoading.atRow), null when it has none. */
        ToOneLoading.AtRow refs;
        /** Elements told apart per parent (see {@link #addElement}), else by {@link #seen} alone. */
        boolean perParent;
        private Map<Object, Map<Object, Boolean>> elementSeen;
        /** The parent of the last element added, and its list (rows come grouped by parent). */
        private Object lastParent;
        private ArrayList<Object> lastElements;

        /** Adds {@code e} to {@code parent}'s elements unless already there; {@code first}: first seen in this node. */
        void addElement(Object parent, Object e, boolean first) {
            if (perParent) {
                if (elementSeen == null) elementSeen = new IdentityHashMap<>();
                if (elementSeen.computeIfAbsent(parent, x -> new IdentityHashMap<>()).put(e, Boolean.TRUE) != null) return;
            } else if (!first) return;
            if (parent != lastParent) {
                lastParent = parent;
                lastElements = elements.computeIfAbsent(parent, x -> new ArrayList<>());
            }
            lastElements.add(e);
        }

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
        List<Object> out = new ArrayList<>();
        run(s, info, select, options, 0, out);
        return out;
    }

    /**
     * {@link Loading#rowsWith} with joined options, for a many-to-many's own load (its select's last {@code extra}
     * columns, the secondary table's owner key, stay last in the joined statement): one {root object, value...}
     * per row of the statement, so an object repeats when a joined collection below it has several rows.
     */
    static List<Object[]> rowsWith(Loading.Host s, Mapper info, Select<Row> select, int extra, List<LoadSpec> options) {
        if (select.limit() != null || select.offset() != null || select.fetchFirst() != null)
            throw new IllegalStateException("internal: a joined load with extra columns is not limited");
        return run(s, info, select, options, extra, new ArrayList<>());
    }

    /** The joined load; the distinct root objects go to {@code objects}; returns {root, extra values...} per row when {@code extra > 0}. */
    private static List<Object[]> run(Loading.Host s, Mapper info, Select<Row> select, List<LoadSpec> options, int extra, List<Object> objects) {
        Node root = new Node(null, info, null, -1, false);
        boolean limited = select.limit() != null || select.offset() != null || select.fetchFirst() != null;
        build(root, options, new int[] {0});
        checkContainsEager(root, select, limited);

        int n = info.loadTarget.columnCount(); // a polymorphic root: its subclasses' columns too
        Select<Row> base;
        Function<Expression<?>, Expression<?>> rootColumn;
        List<OrderItem> order = new ArrayList<>();
        if (limited) {
            List<Expression<?>> inner = select.columns(); // each column once (Mapper.setOwnLoading), as a derived table needs
            Subquery sub = select.subquery("anon_" + info.table.name());
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
        int extraFrom = columns.size();
        columns.addAll(select.columns().subList(select.columns().size() - extra, select.columns().size()));
        stmt = stmt.withColumns(columns.toArray(Expression<?>[]::new));
        if (limited) {
            if (!order.isEmpty()) stmt = stmt.orderBy(order.toArray(OrderItem[]::new));
        } else if (!order.isEmpty()) stmt = stmt.orderBy(order.toArray(OrderItem[]::new));

        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, stmt);
        RowReader<Object[]> rootValues = Loading.values(q.primary());
        List<RowReader<Object[]>> nodeValues = new ArrayList<>();
        for (Node node : all) nodeValues.add(Loading.values(new OrmCompiler.EntityColumns(node.info.loadTarget, node.offset)));
        int count = all.size();
        int[] parentAt = new int[count + 1];
        Mapper[] infos = new Mapper[count + 1];
        List<RowReader<Object[]>> readers = new ArrayList<>();
        Node[] nodes = new Node[count + 1];
        int[] keyAt = new int[count + 1];
        infos[0] = info;
        readers.add(rootValues);
        nodes[0] = root;
        keyAt[0] = keyColumn(info, q.primary().offset());
        for (int i = 0; i < count; i++) {
            Node node = all.get(i);
            parentAt[i + 1] = all.indexOf(node.parent) + 1;
            infos[i + 1] = node.info;
            readers.add(nodeValues.get(i));
            nodes[i + 1] = node;
            keyAt[i + 1] = keyColumn(node.info, node.offset);
            // a one-to-many element (or an inverse one-to-one) has one parent, the object its foreign key names: seen once
            // in its node, it was added to that parent's elements then. A containsEager join's ON is the query's own, and
            // a many-to-many element has several parents: their elements are told apart per parent.
            node.perParent = node.secondary != null || node.option.strategy == LoadSpec.Strategy.CONTAINS_EAGER
                    || node.collection && info.toManySecondary(node.index) != null;
        }
        // references are bound at each row from the identity map (an element's parent came earlier in its row)
        for (int i = 0; i <= count; i++) nodes[i].refs = ToOneLoading.atRow(s, infos[i]);
        // rows come grouped (the root's order first): a node whose key is the previous row's takes that row's object
        // without reading its other columns or looking it up again
        Object[] lastKey = new Object[count + 1];
        InstanceState[] lastState = new InstanceState[count + 1];
        InstanceState[] row = new InstanceState[count + 1]; // the current row's objects by node, reused row after row
        List<Object[]> withExtra = new ArrayList<>(); // only with extra columns: no list of a null per row otherwise
        org.athanor.core.engine.Result<Object[]> rows = s.connection().execute(q.statement(), (rs, t) -> {
            for (int i = 0; i <= count; i++) {
                row[i] = null;
                if (i > 0 && row[parentAt[i]] == null) continue;
                InstanceState st;
                Object key = null;
                int at = keyAt[i];
                if (at >= 0) {
                    key = t.resultCodecs()[at].read(rs, at + 1);
                    if (key == null && i > 0) continue; // no related row (LEFT OUTER JOIN)
                    if (key != null && lastState[i] != null && Mapper.same(key, lastKey[i])) st = lastState[i];
                    else {
                        st = Loading.materialize(s, infos[i], readers.get(i).read(rs, t));
                        if (nodes[i].refs != null) nodes[i].refs.bind(st);
                        lastKey[i] = key;
                        lastState[i] = st;
                    }
                } else {
                    Object[] v = readers.get(i).read(rs, t);
                    if (i > 0 && infos[i].hasNullId(v)) continue; // no related row (LEFT OUTER JOIN)
                    st = Loading.materialize(s, infos[i], v);
                    if (nodes[i].refs != null) nodes[i].refs.bind(st);
                }
                row[i] = st;
                Node node = nodes[i];
                boolean first = note(node, st, key);
                if (i > 0 && (node.collection || node.inverse) && (first || node.perParent)) {
                    Object parent = row[parentAt[i]].obj();
                    node.addElement(parent, st.obj(), first);
                }
            }
            if (extra == 0) return null;
            Object[] values = new Object[extra + 1];
            values[0] = row[0].obj();
            org.athanor.core.type.ValueCodec<Object>[] c = t.resultCodecs();
            for (int i = 0; i < extra; i++) values[i + 1] = c[extraFrom + i].read(rs, extraFrom + i + 1);
            return values;
        });
        try (rows) {
            for (Object[] values : rows) if (values != null) withExtra.add(values);
        }
        finish(s, root, options);
        objects.addAll(root.objects);
        return withExtra;
    }

    /** Notes {@code st}'s object in {@code node}; true the first time. */
    /**
     * {@code key}: the object's single-column key, or null when not read apart. While each new object's key is greater
     * than every key before it (rows ordered by this node's key, as a collection's are within its parent and often
     * overall), it cannot have been noted before, and no identity set is kept; the first key out of order (or an
     * object without one) starts the set, filled with every object noted so far.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean note(Node node, InstanceState st, Object key) {
        Object o = st.obj();
        if (o == node.last) return false;
        node.last = o;
        if (node.seen == null) {
            Object max = node.maxKey;
            if (key instanceof Comparable c && (max == null ? node.objects.isEmpty()
                    : key.getClass() == max.getClass() && c.compareTo(max) > 0)) {
                node.maxKey = key;
                node.objects.add(o);
                node.states.add(st);
                return true;
            }
            node.seen = new IdentityHashMap<>(Math.max(32, 2 * node.objects.size()));
            for (Object x : node.objects) node.seen.put(x, Boolean.TRUE);
        }
        if (node.seen.put(o, Boolean.TRUE) != null) return false;
        node.objects.add(o);
        node.states.add(st);
        return true;
    }

    /**
     * The result column of {@code m}'s single-column key for a node whose columns start at {@code offset}, or -1 when
     * the key is composite or the row is polymorphic (its layout depends on the discriminator).
     */
    private static int keyColumn(Mapper m, int offset) {
        if (m.idIdx.length != 1 || m.layoutCount() > 1 || m.loadTarget.columnCount() != m.attrs.length) return -1;
        return offset + m.idIdx[0];
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
            boolean polymorphic = isPolymorphic(child.info);
            if (polymorphic) refuseUnjoinable(o, child.info);
            child.table = o.strategy == LoadSpec.Strategy.CONTAINS_EAGER ? o.from
                    : child.info.table.as(child.info.table.name() + "_" + ++aliases[0]);
            if (polymorphic) {
                child.aliases = new java.util.LinkedHashMap<>();
                for (Table t : loadTables(child.info))
                    child.aliases.put(t, t == child.info.table ? child.table : t.as(t.name() + "_" + ++aliases[0]));
            }
            org.athanor.orm.mapping.Secondary sec = child.collection ? info.toManySecondary(child.index) : null;
            if (sec != null && o.strategy != LoadSpec.Strategy.CONTAINS_EAGER)
                child.secondary = sec.table().as(sec.table().name() + "_" + ++aliases[0]);
            node.children.add(child);
            build(child, o.children, aliases);
        }
    }

    /** Adds the LEFT OUTER JOINs, select-list columns and ORDER BY terms of {@code node}'s children (depth first). */
    @SuppressWarnings("unchecked")
    private static Select<Row> join(Node node, Select<Row> stmt, List<Expression<?>> columns, List<OrderItem> order, int[] next,
                                    List<Node> all, Function<Expression<?>, Expression<?>> rootColumn) {
        Function<Expression<?>, Expression<?>> parentColumn = node.parent == null ? rootColumn : e -> read(node, (Column<?>) e);
        Mapper p = node.info;
        for (Node child : node.children) {
            Mapper c = child.info;
            // the table joined first: the one holding the column the relationship joins on (a JOINED element's
            // back reference may be in its subclass table); a JOINED target's further tables follow on its key
            Table first;
            Expression<Boolean> on;
            if (child.secondary != null) {
                // a many-to-many: parent LEFT OUTER JOIN secondary LEFT OUTER JOIN element
                org.athanor.orm.mapping.Secondary sec = p.toManySecondary(child.index);
                Expression<Object> id = (Expression<Object>) parentColumn.apply(p.attrs[p.idIdx[0]].column());
                stmt = stmt.leftJoin(child.secondary, child.secondary.corresponding(sec.local()).eq(id));
                Column<Object> target = (Column<Object>) read(child, c.attrs[c.idIdx[0]].column());
                first = target.table();
                on = target.eq(child.secondary.corresponding(sec.remote()));
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
            if (child.option.strategy != LoadSpec.Strategy.CONTAINS_EAGER) stmt = stmt.leftJoin(first, on);
            if (child.aliases != null)
                for (Map.Entry<Table, Table> t : child.aliases.entrySet()) {
                    if (t.getValue() == first) continue;
                    Expression<Boolean> keys = keysEqual(tableOf(child, first), first, t.getKey(), t.getValue());
                    stmt = stmt.leftJoin(t.getValue(), only != null && t.getValue() == child.table ? Sql.and(keys, only) : keys);
                }
            child.offset = next[0];
            for (Expression<?> col : c.selectAll.columns()) columns.add(read(child, (Column<?>) col));
            next[0] += c.loadTarget.columnCount();
            if (child.collection)
                for (OrderItem o : CollectionLoading.orderBy(c, p.toManys[child.index]))
                    order.add(new OrderItem(read(child, (Column<?>) o.expression()), o.descending(), o.nulls()));
            all.add(child);
            stmt = join(child, stmt, columns, order, next, all, rootColumn);
        }
        return stmt;
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
    private static Expression<?> read(Node node, Column<?> col) {
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
    private static Table tableOf(Node node, Table alias) {
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

    /** Resolves references, installs collections (the joined ones loaded), and applies the non-joined options, level by level. */
    private static void finish(Loading.Host s, Node node, List<LoadSpec> options) {
        Mapper info = node.info;
        List<Object> objects = node.objects;
        if (objects.isEmpty()) return;
        // a polymorphic node's objects are of several classes: each class's references and collections over its objects
        Map<Mapper, List<InstanceState>> byClass = new java.util.LinkedHashMap<>();
        if (info.layoutCount() > 1) for (InstanceState st : node.states) byClass.computeIfAbsent(st.info, k -> new ArrayList<>()).add(st);
        else byClass.put(info, node.states);
        for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet()) {
            // every reference bound at its row: nothing to resolve (not even to look for)
            if (e.getKey().loadsRelated() && (node.refs == null || node.refs.anyLeft)) ToOneLoading.resolve(s, e.getKey(), e.getValue(), options);
            if (e.getKey().toManys.length > 0) Loading.installCollections(s, e.getKey(), e.getValue());
        }
        for (Node child : node.children) {
            if (!child.collection) continue;
            for (Object owner : objects) {
                CollectionState cs = CollectionState.stateOf(s, owner, info, child.index);
                if (cs == null || cs.items != null) continue; // already loaded: kept, as SQLAlchemy without populate_existing
                ArrayList<Object> els = child.elements.get(owner);
                cs.items = els == null ? new ArrayList<>() : els; // each owner's list is its collection's alone (owners are distinct)
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
        if (!rest.isEmpty())
            for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet())
                if (e.getKey().toManys.length > 0) CollectionLoading.apply(s, e.getKey(), e.getValue(), rest);
        for (Node child : node.children) finish(s, child, child.options());
    }
}
