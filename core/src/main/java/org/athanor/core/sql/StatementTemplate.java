package org.athanor.core.sql;

/**
 * The shareable part of a statement compiled for one dialect, which the Engine's statement cache
 * holds: the SQL text, for each {@code ?} the canonical parameter it binds (the parameters met while
 * walking the statement for its cache key, {@link KeyBuilder}), and the result
 * columns. {@code CompiledStatement} pairs it with one statement's values.
 *
 * <p>Implemented by core only (what {@code SqlCompiler.compile} returns); a dialect passes it on.
 */
public interface StatementTemplate extends ResultColumns {
    String sql();

    /** The number of {@code ?} placeholders. */
    int slotCount();

    /** The index of the canonical parameter bound at placeholder {@code i} (0-based). */
    int slot(int i);

    /**
     * What the compiler found suspicious in the statement: a SELECT that is a cartesian product nobody asked for
     * (a FROM element no JOIN, ON or WHERE condition links to the others). Empty for almost every statement; the
     * engine acts on it as {@code EngineOptions.fromLinting} says.
     */
    default java.util.List<String> warnings() { return java.util.List.of(); }
}
