package org.athanor.core.routing;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.athanor.core.sql.BooleanList;
import org.athanor.core.sql.Comparison;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.InArray;
import org.athanor.core.sql.InList;
import org.athanor.core.sql.Operator;
import org.athanor.core.sql.Param;

/**
 * Reads a shard key out of a WHERE criterion, for query choosers (SQLAlchemy's horizontal_shard
 * example walks the criterion the same way): which values {@code column} is pinned to by
 * {@code column = v}, {@code v = column}, {@code column IN (v1, v2, ...)} or {@code column = ANY(?)} ({@link InArray}),
 * possibly inside ANDs.
 * <pre>{@code
 * Optional<Set<Object>> regions = ShardKeys.pinnedValues(query.criterion(), Customer_.region);
 * // empty: the criterion does not pin the region, so every shard must be asked
 * }</pre>
 */
public final class ShardKeys {
    private ShardKeys() {}

    /**
     * The values {@code column} must have for a row to match {@code criterion}, when the criterion
     * says (equality or IN with bound values, in a conjunction); empty when it does not pin the
     * column (no criterion, OR, NOT IN, a comparison with another column, ...). Two pins in one
     * conjunction intersect ({@code a = 1 AND a IN (1, 2)} gives {1}).
     */
    public static Optional<Set<Object>> pinnedValues(Expression<Boolean> criterion, Expression<?> column) {
        if (criterion == null) return Optional.empty();
        if (criterion instanceof BooleanList bl && bl.op() == Operator.AND) {
            Set<Object> found = null;
            for (Expression<Boolean> item : bl.items()) {
                Optional<Set<Object>> v = pinnedValues(item, column);
                if (v.isEmpty()) continue;
                if (found == null) found = new LinkedHashSet<>(v.get());
                else found.retainAll(v.get());
            }
            return Optional.ofNullable(found);
        }
        if (criterion instanceof Comparison c && c.op() == Operator.EQ) {
            if (c.left().equals(column) && c.right() instanceof Param<?> p && p.name() == null) return Optional.of(setOf(p.value()));
            if (c.right().equals(column) && c.left() instanceof Param<?> p && p.name() == null) return Optional.of(setOf(p.value()));
            return Optional.empty();
        }
        if (criterion instanceof InList in && !in.negated() && in.operand().equals(column)) {
            Set<Object> values = new LinkedHashSet<>();
            for (Expression<?> item : in.items()) {
                if (!(item instanceof Param<?> p) || p.name() != null) return Optional.empty();
                values.add(p.value());
            }
            return Optional.of(values);
        }
        if (criterion instanceof InArray in && !in.negated() && in.operand().equals(column)) return Optional.of(new LinkedHashSet<>(in.list()));
        return Optional.empty();
    }

    private static Set<Object> setOf(Object v) {
        Set<Object> s = new LinkedHashSet<>();
        s.add(v);
        return s;
    }
}
