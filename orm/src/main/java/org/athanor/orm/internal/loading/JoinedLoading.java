package org.athanor.orm.internal.loading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.sql.ResultColumns;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.engine.Connection;
import org.athanor.core.type.ValueCodec;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LoadedRows;

/**
 * {@link Loaders#joinedLoad}: the query's statement gets a LEFT OUTER JOIN per joined relationship (and
 * per {@code then(joinedLoad(...))} below it) with the related entity's columns appended to its select
 * list. Each row is hydrated into the root object and the related objects; the root objects are
 * de-duplicated in the order they first appear, and each collection takes its elements once, in row
 * order (the relationship's {@code @OrderBy} and then the element key are appended to ORDER BY). With
 * LIMIT or OFFSET the root entity's select is made a subquery (as SQLAlchemy does), so the limit counts
 * objects, not joined rows. Only used when a query has a joined option: other loads do not pass here.
 * The statement is built by {@link JoinedStatement}; this class hydrates its rows.
 */
final class JoinedLoading {
    private JoinedLoading() {}

    static boolean any(List<LoadSpec> options) {
        for (LoadSpec o : options) if (o.strategy.inStatement()) return true;
        return false;
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
        JoinedStatement.Built built = JoinedStatement.of(info, select, options, extra);
        JoinedNode root = built.root();
        int extraFrom = built.extraFrom();
        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, built.statement());
        JoinedNode[] nodes = built.nodes().toArray(JoinedNode[]::new); // the root first, then depth first: a parent before its children
        Connection c = s.connection(); // first: beginning the transaction must not date the rows
        for (JoinedNode node : nodes) {
            JoinedPlan.Node plan = node.plan;
            node.from = node == root ? q.primary().offset() : plan.offset;
            node.keyAt = keyColumn(node.info, node.from, plan.fromParent);
            if (node.keyAt < 0) node.values = Loading.values(new OrmCompiler.EntityColumns(node.info.loadTarget, node.from));
            // references are bound at each row from the identity map (an element's parent came earlier in its row)
            node.refs = ToOneLoading.atRow(s, node.info);
            node.attaches = plan.collection || plan.inverse;
            // a one-to-many element (or an inverse one-to-one) has one parent, the object its foreign key names: seen once
            // in its node, it was added to that parent's elements then. A containsEager join's ON is the query's own, and
            // a many-to-many element has several parents: their elements are told apart per parent.
            node.perParent = plan.secondary != null || plan.containsEager()
                    || plan.collection && node.parent.info.toManySecondary(plan.index) != null;
            node.lists = node == root || !node.children.isEmpty() || !node.attaches;
            // the join's ON is the element's back reference = the parent's key (JoinedStatement.join)
            if (!node.perParent && plan.collection) node.backRef = node.parent.info.toManyBackRef(plan.index);
            else if (!node.perParent && plan.inverse) node.backRef = node.parent.info.inverseOneBackRef(plan.index);
        }
        List<Object[]> withExtra = new ArrayList<>(); // only with extra columns: no list of a null per row otherwise
        int begun = 0;
        try {
            // the rows keep states as any entity load's do: a row needing none after it (no collections, its references
            // all bound at the row, as a one-to-many element's back reference is) keeps none until the session looks
            for (JoinedNode node : nodes) {
                node.load = s.uow().beginLoad(node.info, LoadedRows.rowStates(node.info));
                begun++;
            }
            org.athanor.core.engine.Result<Object[]> rows = c.execute(q.statement(), (rs, t) -> {
                for (JoinedNode node : nodes) hydrate(s, node, rs, t);
                if (extra == 0) return null;
                Object[] values = new Object[extra + 1];
                values[0] = root.current;
                ValueCodec<Object>[] codecs = t.resultCodecs();
                for (int i = 0; i < extra; i++) values[i + 1] = codecs[extraFrom + i].read(rs, extraFrom + i + 1);
                return values;
            });
            try (rows) {
                for (Object[] values : rows) if (values != null) withExtra.add(values);
            }
        } finally {
            for (int i = 0; i < begun; i++) s.uow().loadEnded(nodes[i].load);
        }
        finish(s, root, options);
        if (objects instanceof ArrayList<Object> a) a.ensureCapacity(objects.size() + root.objects.size());
        objects.addAll(root.objects);
        return withExtra;
    }

    /**
     * The row's object of {@code node} ({@link JoinedNode#current}; none when its parent has none or the LEFT OUTER JOIN
     * found no related row), noted in the node and added to its parent's elements. Rows come grouped (the root's order
     * first): a node whose key is the previous row's takes that row's object without reading its other columns or
     * looking it up again.
     */
    private static void hydrate(Loading.Host s, JoinedNode node, ResultSet rs, ResultColumns t) throws SQLException {
        node.current = null;
        JoinedNode parent = node.parent;
        if (parent != null && parent.current == null) return;
        Object obj;
        Object key = null;
        boolean read = true;
        int at = node.keyAt;
        if (at >= 0) {
            ValueCodec<Object>[] c = t.resultCodecs();
            key = c[at].read(rs, at + 1);
            if (key == null && parent != null) return; // no related row (LEFT OUTER JOIN)
            if (key != null && node.lastObject != null && Values.same(key, node.lastKey)) {
                obj = node.lastObject;
                read = false;
            } else {
                // the node's columns, one per attribute in order (keyColumn): the key is not read twice, and the back
                // reference the statement does not select (JoinedPlan.Node#fromParent) is the parent's key
                Mapper m = node.info;
                int n = m.attrs.length, id = m.idIdx[0], fromParent = node.plan.fromParent, col = node.from;
                Object[] v = new Object[n];
                for (int k = 0; k < n; k++) {
                    if (k == fromParent) v[k] = parent.lastKey;
                    else {
                        v[k] = k == id ? key : c[col].read(rs, col + 1);
                        col++;
                    }
                }
                obj = materialize(s, node, v);
                node.lastKey = key;
                node.lastObject = obj;
            }
        } else {
            Object[] v = node.values.read(rs, t);
            if (parent != null && node.info.hasNullId(v)) return; // no related row (LEFT OUTER JOIN)
            obj = materialize(s, node, v);
        }
        node.current = obj;
        boolean first = node.note(obj, key);
        if (read && !first) node.reread = true;
        if (node.attaches && (first || node.perParent)) node.addElement(parent.at, obj, first);
    }

    /**
     * The session's object for the node's row values {@code v} ({@link Loading#materialize}), its references bound at the
     * row. An element whose join matched it to the row's parent ({@link JoinedNode#backRef}) names that object: its
     * reference back is bound to it without a lookup of the parent's key (told once per parent).
     */
    private static Object materialize(Loading.Host s, JoinedNode node, Object[] v) {
        int back = node.backRef;
        if (back >= 0 && node.boundParent != node.parent.current && node.info.rowMapper(v) == node.info) {
            Object parentObject = node.parent.current;
            node.refs.known(back, node.info.refKey(v, back), parentObject);
            node.boundParent = parentObject;
        }
        return Loading.materialize(s, node.load, node.info, v, node.refs);
    }

    /**
     * The result column of {@code m}'s single-column key for a node whose columns start at {@code offset}, or -1 when
     * the key is composite or the row is polymorphic (its layout depends on the discriminator); with a key, the node's
     * columns are its attributes', in order, but for attribute {@code fromParent} (-1: none), not selected.
     */
    private static int keyColumn(Mapper m, int offset, int fromParent) {
        if (!JoinedStatement.keyed(m)) return -1;
        int id = m.idIdx[0];
        return offset + id - (fromParent >= 0 && fromParent < id ? 1 : 0);
    }

    /** Resolves references, installs collections (the joined ones loaded), and applies the non-joined options, level by level. */
    private static void finish(Loading.Host s, JoinedNode node, List<LoadSpec> options) {
        Mapper info = node.info;
        if (node.count == 0) return;
        List<Object> owners = node.objects; // listed when the node has children (JoinedNode.lists)
        // the states kept for what is left after the rows (all of them when the rows have collections); a polymorphic
        // node's objects are of several classes: each class's references and collections over its objects
        List<InstanceState> kept = node.keptStates();
        Map<Mapper, List<InstanceState>> byClass = new java.util.LinkedHashMap<>();
        if (info.layoutCount() > 1) for (InstanceState st : kept) byClass.computeIfAbsent(st.info, k -> new ArrayList<>()).add(st);
        else byClass.put(info, kept);
        for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet()) {
            // every reference bound at its row: nothing to resolve (not even to look for)
            if (e.getKey().loadsRelated() && (node.refs == null || node.refs.anyLeft)) ToOneLoading.resolve(s, e.getKey(), e.getValue(), options);
            if (e.getKey().toManys.length > 0) Loading.installCollections(s, e.getKey(), e.getValue());
        }
        for (JoinedNode child : node.children) {
            if (!child.plan.collection) continue;
            int m = child.plan.index;
            for (int p = 0; p < owners.size(); p++) {
                CollectionState cs = CollectionState.stateOf(s, owners.get(p), info, m);
                if (cs == null || cs.items != null) continue; // already loaded: kept, as SQLAlchemy without populate_existing
                ArrayList<Object> els = child.elementsOf(p);
                cs.items = els == null ? new ArrayList<>() : els; // each owner's list is its collection's alone (owners are distinct)
            }
        }
        for (JoinedNode child : node.children) {
            if (!child.plan.inverse) continue;
            for (int p = 0; p < owners.size(); p++) {
                List<Object> els = child.elementsOf(p);
                info.inverseOnes[child.plan.index].set(owners.get(p), els == null ? null : els.get(0));
            }
        }
        List<LoadSpec> rest = new ArrayList<>();
        for (LoadSpec o : options) if (!o.strategy.inStatement()) rest.add(o);
        if (!rest.isEmpty())
            for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet())
                if (e.getKey().toManys.length > 0) CollectionLoading.apply(s, e.getKey(), e.getValue(), rest);
        for (JoinedNode child : node.children) finish(s, child, child.options());
    }
}
