package org.athanor.core.engine;

/** What the engine does with a SELECT that is a cartesian product nobody asked for ({@link EngineOptions#fromLinting}). */
public enum FromLinting {
    /** No check. */
    OFF,
    /** Logged once per statement shape (logger {@code org.athanor.engine}, level WARN), with the SQL; the statement runs. */
    WARN,
    /** A {@code CompileError} naming the FROM elements, before the statement runs. */
    RAISE
}
