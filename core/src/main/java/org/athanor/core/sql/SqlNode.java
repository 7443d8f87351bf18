package org.athanor.core.sql;

import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;

/**
 * A node of the SQL tree. Nodes are immutable data: a compiler renders them ({@link #accept}),
 * and {@link #key} appends the node's structure (never its bound values) to a statement cache key.
 */
public interface SqlNode {
    /** Double dispatch to the compiler's {@code visitX} for this node kind. */
    void accept(SqlCompiler compiler);

    /**
     * Appends this node's structure to a cache key, and its bind parameters in the order they
     * are met. Two nodes that render the same SQL for every dialect must append equal keys.
     */
    void key(KeyBuilder key);
}
