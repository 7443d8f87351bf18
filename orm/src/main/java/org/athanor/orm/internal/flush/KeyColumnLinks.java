package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.Update;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LinkChanges;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.mapping.Secondary;

/**
 * The {@link Associations} step for a unidirectional {@code @OneToMany @JoinColumn} ({@link Secondary#inElementTable()}):
 * its pairs are not rows of a join table but the value of the key column in the element's own row. Per element, the
 * pairs of one flush net to one statement: linked (to its last owner) is {@code UPDATE element SET owner_id = ? WHERE
 * id = ?}, so a move between two owners' collections is one UPDATE; only unlinked is {@code UPDATE element SET
 * owner_id = NULL WHERE id = ? AND owner_id = ?} (the row keeps a key another flush already changed). Each is one
 * executemany. A deleted owner's elements are unlinked by {@code UPDATE element SET owner_id = NULL WHERE owner_id IN
 * (...)} before its DELETE, unless the collection has cascade REMOVE (its elements, loaded by the flush, are deleted
 * before it: the table order puts the element's table first).
 */
final class KeyColumnLinks {
    private KeyColumnLinks() {}

    /** Sets the key column of the elements of the deleted owners {@code ownerKeys} to NULL. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void unlinkDeletedOwners(Persistence p, Secondary s, List<Object> ownerKeys, int maxBinds) {
        if (s.deletesElements()) return;
        for (int from = 0; from < ownerKeys.size(); from += maxBinds) {
            Update u = Values.setValue(Sql.update(s.table()), s.local(), null)
                    .where(s.local().in(ownerKeys.subList(from, Math.min(ownerKeys.size(), from + maxBinds))));
            p.statement = u;
            p.conn.execute(u);
        }
    }

    /** Writes one collection's link changes as UPDATEs of the elements' key column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void write(Persistence p, UnitOfWork uow, Secondary s, Map<LinkChanges.Pair, Boolean> changes, Set<Object> gone) {
        // per element (by identity: entities may define equals), its last owner when it was linked in this flush
        Map<Object, Object[]> linked = new IdentityHashMap<>();
        List<Object[]> unlinkedKeys = new ArrayList<>();
        List<Object> unlinkedElements = new ArrayList<>();
        for (Map.Entry<LinkChanges.Pair, Boolean> c : changes.entrySet()) {
            Object[] keys = Associations.keys(uow, c.getKey(), gone);
            if (keys == null) continue;
            if (c.getValue()) linked.put(c.getKey().element(), keys);
            else {
                unlinkedKeys.add(keys);
                unlinkedElements.add(c.getKey().element());
            }
        }
        List<Map<String, Object>> links = new ArrayList<>(linked.size()), unlinks = new ArrayList<>();
        for (Object[] k : linked.values()) links.add(Map.of("o", k[0], "e", k[1]));
        for (int i = 0; i < unlinkedKeys.size(); i++)
            if (!linked.containsKey(unlinkedElements.get(i))) unlinks.add(Map.of("o", unlinkedKeys.get(i)[0], "e", unlinkedKeys.get(i)[1]));
        Column local = s.local(), remote = s.remote();
        Expression<?> owner = Sql.bindParam("o", local.type()), element = Sql.bindParam("e", remote.type());
        if (!unlinks.isEmpty())
            run(p, Values.setValue(Sql.update(s.table()), local, null).where(remote.eq((Expression) element), local.eq((Expression) owner)), unlinks);
        if (!links.isEmpty())
            run(p, Values.setExpression(Sql.update(s.table()), local, owner).where(remote.eq((Expression) element)), links);
    }

    private static void run(Persistence p, Dml dml, List<Map<String, Object>> params) {
        p.statement = dml;
        if (params.size() == 1) p.conn.execute(dml, params.get(0));
        else p.conn.executeMany(dml, params);
    }

    /**
     * The key columns a table's INSERT carries for new elements of {@code @OneToMany @JoinColumn} collections: per
     * collection of this table with link changes, the owner each new element was last linked to (its key, the owner
     * inserted before it by the row plan). The pairs of those elements are then settled: taken out of the link
     * changes, so no UPDATE follows. Null when no collection keys this table's rows.
     */
    static Carried carried(UnitOfWork uow, Mapper info, List<InstanceState> rows) {
        if (uow.links.changes().isEmpty()) return null; // no collection changed: no view or iterator over nothing
        List<Secondary> keyed = null;
        for (Secondary s : uow.links.changes().keySet())
            if (s.inElementTable() && s.table() == info.table) (keyed == null ? keyed = new ArrayList<>() : keyed).add(s);
        if (keyed == null) return null;
        Map<Object, InstanceState> rowOf = new IdentityHashMap<>(rows.size() * 2);
        for (InstanceState st : rows) rowOf.put(st.obj(), st);
        Column<?>[] columns = new Column<?>[keyed.size()];
        Map<InstanceState, Object[]> values = new IdentityHashMap<>();
        for (int c = 0; c < keyed.size(); c++) {
            Secondary s = keyed.get(c);
            columns[c] = s.local();
            java.util.Iterator<Map.Entry<LinkChanges.Pair, Boolean>> it = uow.links.changes().get(s).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<LinkChanges.Pair, Boolean> e = it.next();
                InstanceState r = rowOf.get(e.getKey().element());
                if (r == null) continue;
                it.remove(); // a new row: its key column is written by the INSERT
                if (e.getValue()) values.computeIfAbsent(r, x -> new Object[columns.length])[c] = ownerKey(uow, e.getKey().owner());
            }
        }
        return new Carried(columns, values);
    }

    private static Object ownerKey(UnitOfWork uow, Object owner) {
        InstanceState o = uow.stateOf(owner);
        return o == null || o.status != InstanceState.Status.PERSISTENT || o.key() == null ? null : o.key().value(0);
    }

    /** The owner key columns an INSERT writes besides the attributes, and their values per row (in the insert's row order). */
    record Carried(Column<?>[] columns, Map<InstanceState, Object[]> values) {
        /** {@code columns} followed by the carried ones. */
        Column<?>[] after(Column<?>[] base) {
            Column<?>[] out = java.util.Arrays.copyOf(base, base.length + columns.length);
            System.arraycopy(columns, 0, out, base.length, columns.length);
            return out;
        }

        /** {@code base} positions followed by the carried values' positions, appended after {@code width} values. */
        int[] positions(int[] base, int width) {
            int[] out = java.util.Arrays.copyOf(base, base.length + columns.length);
            for (int c = 0; c < columns.length; c++) out[base.length + c] = width + c;
            return out;
        }

        /** Each row (of {@code states}, in order) with its carried values appended (null where it has no owner). */
        List<Object[]> extend(List<InstanceState> states, List<Object[]> rows) {
            List<Object[]> out = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = java.util.Arrays.copyOf(rows.get(r), rows.get(r).length + columns.length);
                Object[] v = values.get(states.get(r));
                if (v != null) System.arraycopy(v, 0, row, rows.get(r).length, columns.length);
                out.add(row);
            }
            return out;
        }
    }
}
