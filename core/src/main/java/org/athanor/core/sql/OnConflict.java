package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;

/**
 * The portable upsert clause of an INSERT: {@code ON CONFLICT (keys) DO NOTHING / DO UPDATE SET ...}
 * on PostgreSQL and SQLite, {@code ON DUPLICATE KEY UPDATE ...} on MySQL/MariaDB (where the
 * conflict is on any unique key, so name the keys of the one unique constraint the rows can hit).
 *
 * <pre>{@code
 * insert(USERS).set(USERS.EMAIL, "a@x").set(USERS.NAME, "Ann")
 *     .onConflict(USERS.EMAIL).doUpdate(USERS.NAME)                      // SET name = the new name
 * insert(COUNTS).set(COUNTS.KEY, "k").set(COUNTS.N, 1)
 *     .onConflict(COUNTS.KEY).doUpdate(Map.of(COUNTS.N, COUNTS.N.plus(inserted(COUNTS.N))))
 * insert(USERS).set(...).onConflict(USERS.EMAIL).doNothing()
 * }</pre>
 */
public record OnConflict(List<Column<?>> keys, List<Update.Assignment> assignments) implements Extension {
    public OnConflict {
        keys = List.copyOf(keys);
        assignments = List.copyOf(assignments);
    }

    /** True for DO NOTHING. */
    public boolean doesNothing() { return assignments.isEmpty(); }

    @Override public void render(RenderContext context) { context.visit(this); }
    @Override public void accept(SqlVisitor c) { c.visitOnConflict(this); }
    @Override public String constructName() { return "INSERT ... ON CONFLICT"; }
    /** The SET values name the INSERT's own table, never a FROM item. */
    @Override public List<? extends SqlNode> fromExpressions() { return List.of(); }

    @Override
    public void key(KeyBuilder k) {
        k.add(OnConflict.class);
        k.add(keys.size());
        for (Column<?> c : keys) c.key(k);
        k.add(assignments.size());
        for (Update.Assignment a : assignments) { a.column().key(k); a.value().key(k); }
    }

    /** Chooses what a conflicting row does ({@link Insert#onConflict}). */
    public static final class Builder {
        private final Insert insert;
        private final List<Column<?>> keys;

        Builder(Insert insert, List<Column<?>> keys) {
            for (Column<?> c : keys)
                if (c.table() != insert.table())
                    throw new IllegalArgumentException("onConflict key " + c + " is not a column of " + insert.table().name());
            this.insert = insert;
            this.keys = keys;
        }

        /** Keep the existing row. */
        public Insert doNothing() { return insert.withOnConflict(new OnConflict(keys, List.of())); }

        /** Overwrite {@code columns} of the existing row with the values this INSERT proposed. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Insert doUpdate(Column<?>... columns) {
            if (columns.length == 0) throw new IllegalArgumentException("doUpdate() needs the columns to overwrite; use doNothing() to keep the row");
            Map<Column<?>, Object> m = new LinkedHashMap<>();
            for (Column c : columns) m.put(c, new Excluded<>(c));
            return doUpdate(m);
        }

        /** Set the existing row's columns to these values (bound) or expressions (may use {@link Sql#inserted}). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Insert doUpdate(Map<? extends Column<?>, ?> assignments) {
            if (keys.isEmpty()) throw new IllegalArgumentException("doUpdate needs the conflict keys: onConflict(column, ...)");
            if (assignments.isEmpty()) throw new IllegalArgumentException("doUpdate() needs at least one assignment");
            List<Update.Assignment> out = new ArrayList<>();
            for (Map.Entry<? extends Column<?>, ?> e : assignments.entrySet()) {
                Column col = e.getKey();
                if (col.table() != insert.table())
                    throw new IllegalArgumentException("doUpdate column " + col + " is not a column of " + insert.table().name());
                Object v = e.getValue();
                out.add(new Update.Assignment(col, v instanceof Expression<?> x ? x : col.bind(v)));
            }
            return insert.withOnConflict(new OnConflict(keys, out));
        }
    }
}
