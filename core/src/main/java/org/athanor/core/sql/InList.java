package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * {@code x [NOT] IN (a, b, ...)}. When every item is a bind parameter the list is "expanding": the
 * cache key holds only a size bucket (a power of two), and the compiler pads the list to the bucket
 * by repeating the last value, which changes no result. Lists of any length share a few SQL forms.
 */
public record InList(Expression<?> operand, List<Expression<?>> items, boolean negated) implements Condition {
    public InList { items = List.copyOf(items); }

    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlCompiler c) { c.visitInList(this); }

    /** True when every item is a plain bind parameter, so the list can be padded to a bucket. */
    public boolean expanding() {
        for (Expression<?> e : items) if (!(e instanceof Param<?>)) return false;
        return !items.isEmpty();
    }

    /** The padded length for {@code n} parameters: the next power of two. */
    public static int bucket(int n) {
        return n <= 1 ? n : Integer.highestOneBit(n - 1) << 1;
    }

    @Override
    public void key(KeyBuilder k) {
        k.add(InList.class);
        k.add(negated);
        operand.key(k);
        if (expanding()) {
            int n = items.size(), padded = bucket(n);
            k.add(-padded);
            k.markParamStart(this);
            for (Expression<?> e : items) e.key(k);
            for (int i = n; i < padded; i++) items.get(n - 1).key(k);
        } else {
            k.add(items.size());
            for (Expression<?> e : items) e.key(k);
        }
    }
}
