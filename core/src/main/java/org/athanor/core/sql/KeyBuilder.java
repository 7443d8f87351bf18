package org.athanor.core.sql;

import java.util.List;

/**
 * What a node appends its cache key to ({@link SqlNode#key}): the node's structure as tokens (never
 * its bound values) and its bind parameters in the order they are met. The statement cache keys
 * compiled SQL by these tokens, so two nodes that can render different SQL must append different
 * tokens; a node that cannot describe itself calls {@link #notCacheable} and its statement is compiled
 * at every execution instead (SQLAlchemy's constructs without a cache key).
 *
 * <p>Implemented by the compiler's key walk; one builder serves one walk and is not thread-safe.
 */
public interface KeyBuilder {
    /** A structural token: compared with {@code equals}, so use values (classes, enums, strings, numbers). */
    void add(Object token);

    void add(boolean b);

    void add(int i);

    /**
     * An anonymous node ({@link org.athanor.core.schema.Table#anonymous()}): appends a token naming it by its position
     * among the anonymous nodes this walk met (the first one 1, the same node again the same number), so two statements
     * of one shape share a key however many times their anonymous aliases were made, as the compiler names them by
     * position too. The default appends the node itself (correct, but a new key per node).
     */
    default void anonymous(Object node) { add(node); }

    /**
     * A name a node declares in FROM or WITH (a table's name, an alias, a subquery's or a CTE's name): the compiler
     * gives {@link org.athanor.core.schema.Table#anonymous() anonymous} aliases names that no such node of the
     * statement uses, so a user's alias {@code anon_1} and an anonymous alias never clash. Adds no token: the names
     * are part of the key already (through the table, the alias or the subquery), so one key still means one SQL text.
     * The default ignores it.
     */
    default void declares(String name) {}

    /** A bind parameter: its type (and name) join the key, its value does not. */
    void param(Param<?> p);

    /** The size of {@code nodes}, then each node's key. */
    void list(List<? extends SqlNode> nodes);

    /** A node's key, or a null token for an absent optional node. */
    void opt(SqlNode node);

    /**
     * Marks the statement being walked as not cacheable because of {@code node}, which has no key of
     * its own: the statement is compiled at every execution and reported as generated, not cached.
     */
    void notCacheable(SqlNode node);

    /** Whether a value for {@code name} was given at execution (named parameters of an expanding IN). */
    boolean hasNamed(String name);

    /** The value given at execution for {@code name} (see {@link #hasNamed}). */
    Object namedValue(String name);

    /** Records the parameters an execution-time list gave an expanding IN list {@code node}. */
    void expand(Object node, List<Param<?>> items);

    /**
     * Records that {@code node}'s parameters start at the current parameter position (expanding IN
     * lists, bound by position since a padded list repeats its last parameter).
     */
    void markParamStart(Object node);
}
