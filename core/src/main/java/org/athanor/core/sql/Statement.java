package org.athanor.core.sql;

/**
 * A complete SQL statement. {@code toString()} renders it with the generic dialect, offline;
 * {@code dialect.compile(statement)} compiles it for a database (a pure function).
 */
public interface Statement extends SqlNode {}
