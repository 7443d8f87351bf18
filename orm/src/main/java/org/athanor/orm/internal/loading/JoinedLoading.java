package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.uow.InstanceState;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.RowReader;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;

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
        Select<Row> stmt = built.statement();
        List<JoinedNode> all = built.nodes();
        int extraFrom = built.extraFrom();

        OrmCompiler.Compiled q = OrmCompiler.compile(info.loadTarget, stmt);
        RowReader<Object[]> rootValues = Loading.values(q.primary());
        List<RowReader<Object[]>> nodeValues = new ArrayList<>();
        for (JoinedNode node : all) nodeValues.add(Loading.values(new OrmCompiler.EntityColumns(node.info.loadTarget, node.offset)));
        int count = all.size();
        int[] parentAt = new int[count + 1];
        Mapper[] infos = new Mapper[count + 1];
        List<RowReader<Object[]>> readers = new ArrayList<>();
        JoinedNode[] nodes = new JoinedNode[count + 1];
        int[] keyAt = new int[count + 1];
        infos[0] = info;
        readers.add(rootValues);
        nodes[0] = root;
        keyAt[0] = keyColumn(info, q.primary().offset());
        for (int i = 0; i < count; i++) {
            JoinedNode node = all.get(i);
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
        org.athanor.orm.internal.uow.LoadedRows[] loads = new org.athanor.orm.internal.uow.LoadedRows[count + 1];
        for (int i = 0; i <= count; i++) loads[i] = Loading.statesLoad(s, infos[i]);
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
                    if (key != null && lastState[i] != null && Values.same(key, lastKey[i])) st = lastState[i];
                    else {
                        st = Loading.materialize(s, loads[i], infos[i], readers.get(i).read(rs, t));
                        if (nodes[i].refs != null) nodes[i].refs.bind(st);
                        lastKey[i] = key;
                        lastState[i] = st;
                    }
                } else {
                    Object[] v = readers.get(i).read(rs, t);
                    if (i > 0 && infos[i].hasNullId(v)) continue; // no related row (LEFT OUTER JOIN)
                    st = Loading.materialize(s, loads[i], infos[i], v);
                    if (nodes[i].refs != null) nodes[i].refs.bind(st);
                }
                row[i] = st;
                JoinedNode node = nodes[i];
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
        if (objects instanceof ArrayList<Object> a) a.ensureCapacity(objects.size() + root.states.size());
        for (InstanceState st : root.states) objects.add(st.obj());
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
    private static boolean note(JoinedNode node, InstanceState st, Object key) {
        Object o = st.obj();
        if (o == node.last) return false;
        node.last = o;
        if (node.seen == null) {
            Object max = node.maxKey;
            if (key instanceof Comparable c && (max == null ? node.states.isEmpty()
                    : key.getClass() == max.getClass() && c.compareTo(max) > 0)) {
                node.maxKey = key;
                node.states.add(st);
                return true;
            }
            node.seen = new IdentityHashMap<>(Math.max(32, 2 * node.states.size()));
            for (InstanceState x : node.states) node.seen.put(x.obj(), Boolean.TRUE);
        }
        if (node.seen.put(o, Boolean.TRUE) != null) return false;
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

    /** Resolves references, installs collections (the joined ones loaded), and applies the non-joined options, level by level. */
    private static void finish(Loading.Host s, JoinedNode node, List<LoadSpec> options) {
        Mapper info = node.info;
        List<InstanceState> owners = node.states;
        if (owners.isEmpty()) return;
        // a polymorphic node's objects are of several classes: each class's references and collections over its objects
        Map<Mapper, List<InstanceState>> byClass = new java.util.LinkedHashMap<>();
        if (info.layoutCount() > 1) for (InstanceState st : node.states) byClass.computeIfAbsent(st.info, k -> new ArrayList<>()).add(st);
        else byClass.put(info, node.states);
        for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet()) {
            // every reference bound at its row: nothing to resolve (not even to look for)
            if (e.getKey().loadsRelated() && (node.refs == null || node.refs.anyLeft)) ToOneLoading.resolve(s, e.getKey(), e.getValue(), options);
            if (e.getKey().toManys.length > 0) Loading.installCollections(s, e.getKey(), e.getValue());
        }
        for (JoinedNode child : node.children) {
            if (!child.collection) continue;
            for (InstanceState ownerState : owners) {
                Object owner = ownerState.obj();
                CollectionState cs = CollectionState.stateOf(s, owner, info, child.index);
                if (cs == null || cs.items != null) continue; // already loaded: kept, as SQLAlchemy without populate_existing
                ArrayList<Object> els = child.elements.get(owner);
                cs.items = els == null ? new ArrayList<>() : els; // each owner's list is its collection's alone (owners are distinct)
            }
        }
        for (JoinedNode child : node.children) {
            if (!child.inverse) continue;
            for (InstanceState ownerState : owners) {
                Object owner = ownerState.obj();
                List<Object> els = child.elements.get(owner);
                info.inverseOnes[child.index].set(owner, els == null ? null : els.get(0));
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
