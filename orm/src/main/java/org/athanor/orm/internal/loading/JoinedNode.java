package org.athanor.orm.internal.loading;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Table;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;

/** One node of a joined load ({@link JoinedLoading}): a joined relationship, the entity it loads, where its columns sit, and its parent node. */
final class JoinedNode {
    final JoinedNode parent;
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
    final List<JoinedNode> children = new ArrayList<>();
    /** The states of this node's distinct objects, in the order the objects first appear. */
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

    JoinedNode(JoinedNode parent, Mapper info, LoadSpec option, int index, boolean collection) {
        this.parent = parent;
        this.info = info;
        this.option = option;
        this.index = index;
        this.collection = collection;
    }

    List<LoadSpec> options() { return option == null ? null : option.children; }
}
