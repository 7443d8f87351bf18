package org.athanor.core.sql;

/**
 * Renders a node as SQL text for {@code toString()} and messages, with no database involved. The
 * nodes do not know the compiler, so core registers its generic dialect as the one implementation
 * through {@code META-INF/services}; it is looked up once, when the first node is rendered.
 */
public interface NodeRenderer {
    String render(SqlNode node);

    /** The registered renderer (core's generic dialect). */
    static NodeRenderer generic() { return GenericRendererHolder.INSTANCE; }
}
