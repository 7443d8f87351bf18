package org.athanor.core.sql;

import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;

/**
 * A node that a dialect module adds without touching core (PostgreSQL's DISTINCT ON, MySQL's
 * ON DUPLICATE KEY UPDATE). It renders itself through the compiler's public API; a compiler that
 * cannot render it raises an error naming the construct and the dialect.
 */
public non-sealed interface Extension extends SqlNode, ExtensionPoint {
    /** Renders this node; {@code compiler.dialect()} says which database it is compiled for. */
    void render(SqlCompiler compiler);

    @Override default void accept(SqlCompiler c) { c.visitExtension(this); }

    /** The construct's name, used in error messages. */
    default String constructName() { return getClass().getSimpleName(); }

    @Override default void key(KeyBuilder k) { k.add(getClass()); }
}
