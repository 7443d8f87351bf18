package org.athanor.core.sql;

/** A statement that returns rows of type {@code R}: SELECT, set operations, DML with RETURNING. */
public interface Query<R> extends Statement {
    /** How rows are presented: Vavr tuples for typed selects, {@link Row} otherwise. */
    RowKind rowKind();
}
