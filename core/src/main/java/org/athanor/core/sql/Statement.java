package org.athanor.core.sql;

import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.dialect.Dialect;

/** A complete SQL statement. {@code toString()} renders it with the generic dialect, offline. */
public interface Statement extends SqlNode {
    /** Compiles for {@code dialect}: a pure function, no database involved. */
    default CompiledStatement compile(Dialect dialect) { return dialect.compile(this); }
}
