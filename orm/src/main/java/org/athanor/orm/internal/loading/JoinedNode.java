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
 * elements per parent object, the current row's object. Its objects' states are kept by its load ({@link #load}) as
 * any entity load keeps them ({@link LoadedRows#rowStates}): a row that needs none after it (its references all bound
 * at the row, no collections) has none until the session first looks at its objects. Made per load, never cached.
 */
final class JoinedNode {
    final JoinedPlan.Node plan;
    final JoinedNode parent;
    final LoadSpec option; // null for the root
    final Mapper info;
    final List<JoinedNode> children = new ArrayList<>();
    /** This node's distinct objects, in the order they first appear, when it {@link #lists} them. */
    final List<Object> objects = new ArrayList<>();
    /** How many distinct objects the node noted. */
    int count;

    // set once before the rows (JoinedLoading.run)
    /** The result column of the node's single-column key, read apart at each row; -1 (composite or polymorphic) if none. */
    int keyAt = -1;
    /** Where the node's columns start in the result. */
    int from;
    /** Reads the node's columns when it has no key read apart ({@link #keyAt} -1); else null. */
    RowReader<Object[]> values;
    /** The node's rows' load: begun with the rows' state rule ({@link LoadedRows#rowStates}), ended after the last row. */
    LoadedRows load;
    /** Its objects' references bound at their rows (ToOneLoading.atRow), null when it has none. */
    ToOneLoading.AtRow refs;
    /** A collection or an inverse one-to-one: its objects are added to their parent's elements. */
    boolean attaches;
    /** Elements told apart per parent (see {@link #addElement}), else by {@link #seen} alone. */
    boolean perParent;
    /**
     * Whether {@link #objects} lists the node's objects: the query's objects (the root), the owners of the node's
     * children, a reference's targets. A leaf collection's (or inverse one-to-one's) elements are not listed: each is
     * in its parents' elements from its first row on ({@link #addElement}), where {@link #note} finds them.
     */
    boolean lists;
    /**
     * The position in {@link #info}'s references of the one back to the parent that the node's join matched (a one-to-many's
     * or an inverse one-to-one's back reference: the row's element names the row's parent object); -1 when none.
     */
    int backRef = -1;

    // the rows' state
    /** This row's object (null: none, e.g. no related row of the LEFT OUTER JOIN), and its position in {@link #objects}. */
    Object current;
    int at;
    /** The key and the object of the last row read from its columns (rows come grouped: most rows repeat it). */
    Object lastKey;
    Object lastObject;
    /** The parent object {@link #refs} was last told is {@link #backRef}'s target (see JoinedLoading.hydrate). */
    Object boundParent;
    /** Some object was read from its columns again after its first row: the load's states may name it twice. */
    boolean reread;
    /** The objects noted, by identity, with their positions: made when a key first comes out of ascending order (see {@link #note}). */
    private Map<Object, Integer> seen;
    /** While the keys noted come in ascending order: the last (greatest) one. */
    private Object maxKey;
    /** The object noted last. */
    private Object last;
    /** For a collection: the elements by their parent's position in its node's {@link #objects}, distinct, in row order. */
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
     * Notes {@code o} as this row's object ({@link #at} its position); true the first time. {@code key}: the object's
     * single-column key, or null when not read apart. While each new object's key is greater than every key before
     * it (rows ordered by this node's key, as a collection's are within its parent and often overall), it cannot have
     * been noted before, and no identity map is kept; the first key out of order (or an object without one) starts
     * the map, filled with every object noted so far: those listed, or else those in the parents' elements (positions
     * are read by children only, and a node that does not list its objects has none).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    boolean note(Object o, Object key) {
        if (o == last) return false;
        last = o;
        if (seen == null) {
            Object max = maxKey;
            if (key instanceof Comparable c && (max == null ? count == 0
                    : key.getClass() == max.getClass() && c.compareTo(max) > 0)) {
                maxKey = key;
                noted(o);
                return true;
            }
            seen = new IdentityHashMap<>(Math.max(32, 2 * count));
            if (lists) for (int p = 0; p < count; p++) seen.put(objects.get(p), p);
            else for (ArrayList<Object> els : elements) if (els != null) for (Object e : els) seen.putIfAbsent(e, -1);
        }
        Integer before = seen.putIfAbsent(o, count);
        if (before != null) {
            at = before;
            return false;
        }
        noted(o);
        return true;
    }

    private void noted(Object o) {
        at = count++;
        if (lists) objects.add(o);
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

    /** The elements of the parent at {@code parentAt} (its position in the parent node's objects), or null if none. */
    ArrayList<Object> elementsOf(int parentAt) { return parentAt < elements.length ? elements[parentAt] : null; }

    /**
     * The states the node's load kept for what is left after the rows (references to resolve, collections to install),
     * in the order their objects first appear, each once.
     */
    List<InstanceState> keptStates() {
        List<InstanceState> kept = load.takeStates();
        if (kept == null) return List.of(); // a load whose rows keep no states (no relationships)
        if (!reread) return kept;
        java.util.Set<InstanceState> once = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<InstanceState> out = new ArrayList<>(kept.size());
        for (InstanceState st : kept) if (once.add(st)) out.add(st);
        return out;
    }

    private static int grown(int index) { return Math.max(16, Math.max(index + 1, 2 * index)); }
}
