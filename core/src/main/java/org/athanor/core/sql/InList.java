package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * {@code x [NOT] IN (a, b, ...)}. When every item is a bind parameter the list is "expanding": the
 * cache key holds only a size bucket (a power of two), and the compiler pads the list to the bucket
 * by repeating the last value, which changes no result. Lists of any length share a few SQL forms.
 *
 * <p>A single named parameter whose value is given as a list at execution expands the same way
 * (SQLAlchemy's expanding bindparam); an empty list makes {@code IN} false and {@code NOT IN} true:
 * <pre>{@code
 * Select<?> q = select(USERS.NAME).where(USERS.ID.in(bindParam("ids", BIGINT)));
 * conn.execute(q, Map.of("ids", List.of(1L, 2L, 3L))).all();
 * conn.execute(q, Map.of("ids", List.of())).all();   // no rows
 * }</pre>
 */
public record InList(Expression<?> operand, List<Expression<?>> items, boolean negated) implements Condition {
    public InList { items = List.copyOf(items); }

    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitInList(this); }

    /** True when every item is a plain bind parameter, so the list can be padded to a bucket. */
    public boolean expanding() {
        for (Expression<?> e : items) if (!(e instanceof Param<?>)) return false;
        return !items.isEmpty();
    }

    /** The padded length for {@code n} parameters: the next power of two. */
    public static int bucket(int n) {
        return n <= 1 ? n : Integer.highestOneBit(n - 1) << 1;
    }

    /** The list given at execution for this IN's single named parameter, as parameters; null when there is none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Param<?>> executionList(KeyBuilder k) {
        if (items.size() != 1 || !(items.get(0) instanceof Param<?> p) || p.name() == null || !k.hasNamed(p.name())) return null;
        if (!(k.namedValue(p.name()) instanceof java.util.Collection<?> values)) return null; // a single value binds as usual
        List<Param<?>> out = new java.util.ArrayList<>(values.size());
        for (Object v : values) {
            if (v != null && !p.type().javaType().isInstance(v))
                throw new IllegalArgumentException("the list given for :" + p.name() + " holds " + v + " (" + v.getClass().getName()
                        + "), but the parameter is of type " + p.type() + " (" + p.type().javaType().getName() + ")");
            out.add(new Param(v, p.type()));
        }
        return out;
    }

    @Override
    public void key(KeyBuilder k) {
        k.add(InList.class);
        k.add(negated);
        operand.key(k);
        List<Param<?>> given = executionList(k);
        if (given != null) {
            k.expand(this, given);
            keyPadded(k, given);
        } else if (expanding()) {
            keyPadded(k, items);
        } else {
            k.add(items.size());
            for (Expression<?> e : items) e.key(k);
        }
    }

    /** The key of an expanding list: its bucket, and its parameters padded to it with the last one. */
    private void keyPadded(KeyBuilder k, List<? extends Expression<?>> list) {
        int n = list.size(), padded = bucket(n);
        k.add(-padded);
        k.markParamStart(this);
        for (Expression<?> e : list) e.key(k);
        for (int i = n; i < padded; i++) list.get(n - 1).key(k);
    }
}
