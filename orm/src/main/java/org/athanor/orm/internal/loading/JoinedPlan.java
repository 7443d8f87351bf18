package org.athanor.orm.internal.loading;

import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.OrderItem;
import org.athanor.orm.Relationship;
import org.athanor.orm.internal.mapping.Mapper;

/**
 * What a joined load adds to its query, whatever the query's criteria ({@link JoinedStatement} builds it): the tree of
 * joined relationships ({@link #root}: which table alias each reads, where its columns sit), the joins in order, the
 * nodes' select-list columns and ORDER BY terms. Immutable: final fields, unmodifiable lists and maps, nothing a load
 * writes (each load hydrates into {@link JoinedNode}s of its own). Without LIMIT/OFFSET it depends only on the Mapper,
 * the statement-read options (their shape, {@link #sameShape}) and {@code extra}, and is kept on the Mapper
 * ({@link JoinedPlans}).
 */
final class JoinedPlan {
    final Node root;
    final List<Step> joins;
    final List<Expression<?>> columns;
    final List<OrderItem> order;
    /** How many of the query's last columns stay last in the statement (a many-to-many's owner key). */
    final int extra;

    JoinedPlan(Node root, List<Step> joins, List<Expression<?>> columns, List<OrderItem> order, int extra) {
        this.root = root;
        this.joins = List.copyOf(joins);
        this.columns = List.copyOf(columns);
        this.order = List.copyOf(order);
        this.extra = extra;
    }

    /** One join of a plan: INNER when {@code inner}, else LEFT OUTER. */
    record Step(Table table, Expression<Boolean> on, boolean inner) {}

    /**
     * One node of the tree: the query's entity (the root) or a joined relationship below its parent node. The option's
     * statement-read parts (relationship, strategy, {@code innerJoin}, a containsEager's table) are kept to tell a
     * load's options of this shape ({@link JoinedPlan#sameShape}); nothing of the option that does not change the SQL.
     */
    static final class Node {
        final Mapper info;
        /** Null for the root, as are {@link #strategy} and {@link #from}. */
        final Relationship<?, ?> relationship;
        final LoadSpec.Strategy strategy;
        final boolean innerJoin;
        final Table from;
        /** The toOne (k), toMany (m) or inverseOne (j) slot in the parent's Mapper; -1 for the root. */
        final int index;
        final boolean collection;
        /** An inverse one-to-one (index j in the parent's inverseOnes): joined as a collection, one element at most. */
        final boolean inverse;
        /** The alias of the entity's table this node reads (null for the root, which reads the query's own FROM). */
        final Table table;
        /**
         * A polymorphic target (a class with mapped subclasses, or in a JOINED hierarchy): every table its load
         * statement reads, by table, each through its own alias. Null otherwise (the node reads {@link #table} only).
         */
        final Map<Table, Table> aliases;
        /** A many-to-many's secondary table alias, joined between the parent and {@link #table}; else null. */
        final Table secondary;
        /** Where the node's columns start in the statement's select list. */
        final int offset;
        /**
         * The attribute of the node's reference back to its parent whose column is not selected: the join matched it to
         * the parent's key, which the row has already (a keyed element of a one-to-many or inverse one-to-one below a
         * keyed parent, {@link JoinedStatement#fromParent}); -1 when the node reads all its columns.
         */
        final int fromParent;
        final List<Node> children;

        Node(Mapper info, LoadSpec option, int index, boolean collection, boolean inverse, Table table, Map<Table, Table> aliases,
             Table secondary, int offset, int fromParent, List<Node> children) {
            this.info = info;
            this.relationship = option == null ? null : option.relationship;
            this.strategy = option == null ? null : option.strategy;
            this.innerJoin = option != null && option.innerJoin;
            this.from = option == null ? null : option.from;
            this.index = index;
            this.collection = collection;
            this.inverse = inverse;
            this.table = table;
            this.aliases = aliases == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aliases));
            this.secondary = secondary;
            this.offset = offset;
            this.fromParent = fromParent;
            this.children = List.copyOf(children);
        }

        boolean containsEager() { return strategy == LoadSpec.Strategy.CONTAINS_EAGER; }
    }

    /**
     * Whether {@code node}'s children were built from options with the statement-read parts of {@code options}: the
     * same relationships, strategies, innerJoin and containsEager table (by identity), in order, recursively. Options
     * loaded by their own statements (selectin, lazy...) do not change the SQL and are skipped.
     */
    static boolean sameShape(Node node, List<LoadSpec> options) {
        int c = 0;
        for (LoadSpec o : options) {
            if (!o.strategy.inStatement()) continue;
            if (c == node.children.size()) return false;
            Node child = node.children.get(c++);
            if (child.strategy != o.strategy || child.innerJoin != o.innerJoin || child.from != o.from
                    || !child.relationship.equals(o.relationship) || !sameShape(child, o.children)) return false;
        }
        return c == node.children.size();
    }
}
