package org.athanor.core.sql;

import org.athanor.core.error.CompileError;
import org.athanor.core.type.SqlType;

/**
 * What an {@link Extension} renders itself through: the compiler's output and its dialect's
 * spelling, without the node depending on the compiler (jOOQ's {@code Context}). A dialect's own
 * compiler implements it too, so an extension that needs that dialect's hooks may test for its
 * compiler class and raise {@link #unsupported} otherwise.
 */
public interface RenderContext {
    RenderContext append(String s);

    RenderContext append(char c);

    /** Appends {@code name} quoted as the dialect quotes identifiers (only where needed). */
    RenderContext appendIdentifier(String name);

    /** Renders a child node in place (parameters bound, columns qualified as the context requires). */
    void visit(SqlNode node);

    /** The database's name, for messages ("SQLite", "PostgreSQL", "MySQL/MariaDB"). */
    String dialectName();

    /** {@code name} quoted as an identifier of this dialect (where needed). */
    String quoteIdentifier(String name);

    /** {@code value} as an escaped SQL literal of {@code type}, in this dialect's spelling. */
    String renderLiteral(Object value, SqlType<?> type);

    /** An error for a construct this dialect cannot render, naming both. */
    CompileError unsupported(String construct);
}
