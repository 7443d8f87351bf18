package org.athanor.core.sql;

/**
 * A node of the SQL tree. Nodes are immutable data: visitors (the compiler, FROM inference) walk
 * them through {@link #accept}, and {@link #key} appends the node's structure (never its bound values)
 * to a statement cache key. Nodes know neither the compiler nor any dialect.
 */
public interface SqlNode {
    /** Double dispatch to the visitor's {@code visitX} for this node kind. */
    void accept(SqlVisitor visitor);

    /**
     * Appends this node's structure to a cache key, and its bind parameters in the order they
     * are met. Two nodes that render the same SQL for every dialect must append equal keys.
     */
    void key(KeyBuilder key);
}
