package org.athanor.orm.internal.loading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.RowReader;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LoadedRows;

/**
 * One node of one joined load ({@link JoinedLoading}): its place in the (shared, immutable) {@link JoinedPlan}, this
 * load's option, and what the load gathers while it hydrates the rows: the node's distinct objects, each collection's
 * elements per parent object, the current row's object. Made per load, never cached.
 */
final class JoinedNode {
    final JoinedPlan.Node plan;
    final JoinedNode parent;
    final LoadSpec option; // null for the root
    final Mapper info;
    final List<JoinedNode> children = new ArrayList<>();
    /** The states of this node's distinct objects, in the order the objects first appear. */
    final List<InstanceState> states = new ArrayList<>();

    // set once before the rows (JoinedLoading.run)
    /** The result column of the node's single-column key, read apart at each row; -1 (composite or polymorphic) if none. */
    int keyAt = -1;
    /** Where the node's columns start in the result. */
    int from;
    /** Reads the node's columns when it has no key read apart ({@link #keyAt} -1); else null. */
    RowReader<Object[]> values;
    LoadedRows load;
    /** Its objects' references bound at their rows (ToOneLoading.atRow), null when it has none. */
    ToOneLoading.AtRow refs;
    /** A collection or an inverse one-to-one: its objects are added to their parent's elements. */
    boolean attaches;
    /** Elements told apart per parent (see {@link #addElement}), else by {@link #seen} alone. */
    boolean perParent;

    // the rows' state
    /** This row's object (null: none, e.g. no related row of the LEFT OUTER JOIN), and its position in {@link #states}. */
    InstanceState current;
    int at;
    /** The key and state of the last object read from its columns (rows come grouped: most rows repeat it). */
    Object lastKey;
    InstanceState lastState;
    /** The objects noted, by identity, with their positions: made when a key first comes out of ascending order (see {@link #note}). */
    private Map<Object, Integer> seen;
    /** While the keys noted come in ascending order: the last (greatest) one. */
    private Object maxKey;
    /** The object noted last. */
    private Object last;
    /** For a collection: the elements by their parent's position in its node's {@link #states}, distinct, in row order. */
    @SuppressWarnings("unchecked")
    private ArrayList<Object>[] elements = new ArrayList[0];
    /** With {@link #perParent}: the elements noted, per parent position. */
    @SuppressWarnings("unchecked")
    private Map<Object, Boolean>[] elementSeen = new Map[0];

    JoinedNode(JoinedPlan.Node plan, JoinedNode parent, LoadSpec option) {
        this.plan = plan;
        this.parent = parent;
        this.option = option;
        this.info = plan.info;
    }

    List<LoadSpec> options() { return option == null ? null : option.children; }

    /**
     * Notes {@code st}'s object as this row's ({@link #at} its position); true the first time. {@code key}: the object's
     * single-column key, or null when not read apart. While each new object's key is greater than every key before
     * it (rows ordered by this node's key, as a collection's are within its parent and often overall), it cannot have
     * been noted before, and no identity map is kept; the first key out of order (or an object without one) starts
     * the map, filled with every object noted so far.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    boolean note(InstanceState st, Object key) {
        Object o = st.obj();
        if (o == last) return false;
        last = o;
        if (seen == null) {
            Object max = maxKey;
            if (key instanceof Comparable c && (max == null ? states.isEmpty()
                    : key.getClass() == max.getClass() && c.compareTo(max) > 0)) {
                maxKey = key;
                at = states.size();
                states.add(st);
                return true;
            }
            seen = new IdentityHashMap<>(Math.max(32, 2 * states.size()));
            for (int p = 0; p < states.size(); p++) seen.put(states.get(p).obj(), p);
        }
        Integer before = seen.putIfAbsent(o, states.size());
        if (before != null) {
            at = before;
            return false;
        }
        at = states.size();
        states.add(st);
        return true;
    }

    /** Adds {@code e} to the elements of the parent at {@code parentAt} unless already there; {@code first}: first seen in this node. */
    void addElement(int parentAt, Object e, boolean first) {
        if (perParent) {
            if (parentAt >= elementSeen.length) elementSeen = Arrays.copyOf(elementSeen, grown(parentAt));
            Map<Object, Boolean> seenHere = elementSeen[parentAt];
            if (seenHere == null) elementSeen[parentAt] = seenHere = new IdentityHashMap<>();
            if (seenHere.put(e, Boolean.TRUE) != null) return;
        } else if (!first) return;
        if (parentAt >= elements.length) elements = Arrays.copyOf(elements, grown(parentAt));
        ArrayList<Object> list = elements[parentAt];
        if (list == null) elements[parentAt] = list = new ArrayList<>();
        list.add(e);
    }

    /** The elements of the parent at {@code parentAt} (its position in the parent node's states), or null if none. */
    ArrayList<Object> elementsOf(int parentAt) { return parentAt < elements.length ? elements[parentAt] : null; }

    private static int grown(int index) { return Math.max(16, Math.max(index + 1, 2 * index)); }
}
