package org.athanor.core.sql;

/** How a query's rows are presented to Java. */
public enum RowKind {
    /** {@code io.vavr.TupleN}, for {@code select(a, b, ...)} of up to eight expressions. */
    TUPLE,
    /** {@link Row}, for wider or dynamic selects. */
    ROW
}
