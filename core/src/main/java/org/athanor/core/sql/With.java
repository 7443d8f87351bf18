package org.athanor.core.sql;

import java.util.List;

/**
 * The CTEs of a {@code WITH} clause, waiting for the statement they precede ({@link Sql#with}).
 * <pre>{@code with(adults, posters).query(select(...))}, {@code with(stale).statement(deleteFrom(...))}</pre>
 */
public final class With {
    private final List<Cte> ctes;

    With(List<Cte> ctes) {
        if (ctes.isEmpty()) throw new IllegalArgumentException("with() needs at least one CTE");
        for (Cte c : ctes) if (c.alias() != null)
            throw new IllegalArgumentException("with() declares CTEs, not their aliases: " + c + "; declare " + c.cteName());
        this.ctes = List.copyOf(ctes);
    }

    /** {@code WITH ... SELECT ...} (or any query: a compound select, DML with RETURNING). */
    public <R> WithQuery<R> query(Query<R> body) { return new WithQuery<>(ctes, body); }

    /** {@code WITH ... INSERT/UPDATE/DELETE ...}. */
    public WithDml statement(Dml body) { return new WithDml(ctes, body); }
}
