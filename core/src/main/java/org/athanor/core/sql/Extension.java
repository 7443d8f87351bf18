package org.athanor.core.sql;

import java.util.List;

/**
 * A node that a dialect module adds without touching core (PostgreSQL's ON CONFLICT clause, MySQL's
 * ON DUPLICATE KEY UPDATE). It renders itself through a {@link RenderContext}; a context that cannot
 * render it raises an error naming the construct and the dialect.
 *
 * <p><b>Caching.</b> A statement containing an extension whose {@link #key} is not overridden is
 * <em>not cached</em>: it is compiled at every execution (and reported as generated, not cached),
 * since a key made of the class alone would let one instance's SQL serve another instance whose
 * fields render differently. Override {@link #key} with every field that changes the SQL (and walk
 * child expressions with {@code key}, so their parameters are met in order) to have it cached.
 */
public non-sealed interface Extension extends SqlNode, ExtensionPoint {
    /** Renders this node; {@link RenderContext#dialectName()} says which database it is compiled for. */
    void render(RenderContext context);

    @Override default void accept(SqlVisitor v) { v.visitExtension(this); }

    /** The construct's name, used in error messages. */
    default String constructName() { return getClass().getSimpleName(); }

    /** Not cacheable unless overridden (see the class comment). */
    @Override default void key(KeyBuilder k) { k.notCacheable(this); }

    /**
     * The expressions inside this construct whose columns may pull their tables into an enclosing
     * SELECT's (or UPDATE's, DELETE's) inferred FROM list; subqueries excluded. Empty when the construct
     * names no table of the enclosing query (an ON CONFLICT target, {@code excluded.col}). Abstract so
     * that every extension decides: a forgotten table would silently drop out of the FROM list.
     */
    List<? extends SqlNode> fromExpressions();
}
