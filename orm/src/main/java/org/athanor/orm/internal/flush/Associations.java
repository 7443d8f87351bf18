package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Delete;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Sql;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LinkChanges;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.mapping.Secondary;

/**
 * The flush's many-to-many step (SQLAlchemy's ManyToManyDP): after the objects' INSERTs and UPDATEs
 * (so both ends of a new link have their keys, generated ones included) and before their DELETEs, the
 * rows of the secondary tables: first those of the objects being deleted (one
 * {@code DELETE ... WHERE col IN (...)} per table and side), then the unlinked pairs (one DELETE per table),
 * then the linked pairs (one multi-row INSERT per table); each chunked under the bind limit. An element
 * collection's table is written the same way (its pairs hold the values), and its bags are rewritten last.
 */
final class Associations {
    private Associations() {}

    static boolean pending(UnitOfWork uow, List<InstanceState> deletes) {
        if (!uow.links.isEmpty()) return true;
        for (InstanceState st : deletes) if (!st.info.associations().isEmpty()) return true;
        return false;
    }

    static void write(Persistence p, UnitOfWork uow, List<InstanceState> deletes) {
        Connection conn = p.conn;
        int maxBinds = Math.max(2, p.features.maxBindParams() - 10);
        p.entity = null;
        p.operation = "writing many-to-many or element collection rows of";
        Set<Object> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Secondary, List<Object>> byColumn = new LinkedHashMap<>();
        for (InstanceState st : deletes) {
            gone.add(st.obj());
            for (Secondary s : st.info.associations()) byColumn.computeIfAbsent(s, k -> new ArrayList<>()).add(KeyConditions.of(st.key()));
        }
        org.athanor.core.dialect.Dialect dialect = p.conn.dialect();
        for (Map.Entry<Secondary, List<Object>> e : byColumn.entrySet()) {
            // a @OneToMany @JoinColumn: the elements' key column, not rows to delete
            if (e.getKey().inElementTable()) KeyColumnLinks.unlinkDeletedOwners(p, e.getKey(), e.getValue(), maxBinds);
            else deleteOwners(p, e.getKey(), e.getValue(), maxBinds, dialect);
        }
        for (Map.Entry<Secondary, LinkedHashMap<LinkChanges.Pair, Boolean>> e : uow.links.changes().entrySet()) {
            Secondary s = e.getKey();
            if (s.inElementTable()) {
                KeyColumnLinks.write(p, uow, s, e.getValue(), gone);
                continue;
            }
            List<Object[]> added = new ArrayList<>(), removed = new ArrayList<>();
            for (Map.Entry<LinkChanges.Pair, Boolean> c : e.getValue().entrySet()) {
                Object[] keys = keys(uow, c.getKey(), gone);
                if (keys != null) (c.getValue() ? added : removed).add(keys);
            }
            int per = Math.max(1, maxBinds / (s.locals().size() + s.remotes().size()));
            for (int from = 0; from < removed.size(); from += per) {
                List<Expression<Boolean>> or = new ArrayList<>();
                for (Object[] k : removed.subList(from, Math.min(removed.size(), from + per)))
                    or.add(Sql.and(List.of(KeyConditions.eq(s.locals(), k[0]), KeyConditions.eq(s.remotes(), k[1]))));
                Delete del = Sql.deleteFrom(s.table()).where(Sql.or(or));
                p.statement = del;
                conn.execute(del);
            }
            insert(p, s, added, maxBinds);
        }
        for (Map.Entry<Secondary, LinkedHashMap<LinkChanges.Pair, LinkChanges.Rewrite>> e : uow.links.rewrites().entrySet())
            rewrite(p, uow, e.getKey(), e.getValue().values(), gone, maxBinds, dialect);
        uow.links.clear();
        p.statement = null;
    }

    /**
     * The bags of one collection table (element collection Lists, whose rows have no key to delete one by): the
     * rows of the owners that had some deleted with one {@code DELETE ... WHERE owner IN (...)} per chunk, then every
     * owner's current values inserted with multi-row INSERTs (with their positions, for an {@code @OrderColumn}); a List only appended to since it loaded keeps its rows
     * and has only the appended values inserted.
     */
    private static void rewrite(Persistence p, UnitOfWork uow, Secondary s, java.util.Collection<LinkChanges.Rewrite> bags,
                                Set<Object> gone, int maxBinds, org.athanor.core.dialect.Dialect dialect) {
        List<Object> cleared = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (LinkChanges.Rewrite r : bags) {
            Object key = ownerKey(uow, r.owner(), gone);
            if (key == null) continue;
            boolean appendsOnly = r.hadRows() && r.appendedFrom() >= 0;
            if (r.hadRows() && !appendsOnly) cleared.add(key);
            List<Object> items = r.items();
            for (int i = appendsOnly ? Math.min(r.appendedFrom(), items.size()) : 0; i < items.size(); i++)
                rows.add(s.position() == null ? new Object[] {key, items.get(i)} : new Object[] {key, items.get(i), i});
        }
        deleteOwners(p, s, cleared, maxBinds, dialect);
        insert(p, s, rows, maxBinds);
    }

    /**
     * {@code DELETE FROM s WHERE <owner key> IN (...)} for the owner keys {@code keys}: one statement where they bind as
     * one array, else chunked under the bind limit ({@link KeyConditions#batches}).
     */
    private static void deleteOwners(Persistence p, Secondary s, List<Object> keys, int maxBinds, org.athanor.core.dialect.Dialect dialect) {
        for (List<Object> batch : KeyConditions.batches(keys, s.locals(), dialect, maxBinds)) {
            Delete del = Sql.deleteFrom(s.table()).where(KeyConditions.in(s.locals(), batch, dialect));
            p.statement = del;
            p.conn.execute(del);
        }
    }

    /**
     * Multi-row INSERTs of {@code rows}, each {owner key, element key or value[, position]} (a key: one value, or the
     * list of a composite key's values), into the owner's, the element's (and the position) columns.
     */
    private static void insert(Persistence p, Secondary s, List<Object[]> rows, int maxBinds) {
        List<Column<?>> cols = new ArrayList<>(s.locals());
        cols.addAll(s.remotes());
        if (s.position() != null) cols.add(s.position());
        List<Object[]> flat = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] row = new Object[cols.size()];
            int i = put(row, 0, r[0], s.locals().size());
            i = put(row, i, r[1], s.remotes().size());
            if (s.position() != null) row[i] = r[2];
            flat.add(row);
        }
        int per = Math.max(1, maxBinds / cols.size());
        Column<?>[] columns = cols.toArray(Column<?>[]::new);
        for (int from = 0; from < flat.size(); from += per) {
            Insert ins = Sql.insert(s.table()).columns(columns).valuesMany(flat.subList(from, Math.min(flat.size(), from + per)));
            p.statement = ins;
            p.conn.execute(ins);
        }
    }

    /** Puts {@code key}'s {@code width} values into {@code row} from {@code at}; returns the next position. */
    private static int put(Object[] row, int at, Object key, int width) {
        if (width == 1) row[at] = key;
        else for (int j = 0; j < width; j++) row[at + j] = ((List<?>) key).get(j);
        return at + width;
    }

    /** The key of {@code owner} when it is a persistent object of the session, not being deleted; else null. */
    private static Object ownerKey(UnitOfWork uow, Object owner, Set<Object> gone) {
        if (gone.contains(owner)) return null;
        InstanceState o = uow.stateOf(owner);
        if (o == null || o.status != InstanceState.Status.PERSISTENT || o.marked || o.key() == null) return null;
        return KeyConditions.of(o.key());
    }

    /** The pair's keys {owner, element}, or null when either end is not a persistent object of the session, or is being deleted. */
    static Object[] keys(UnitOfWork uow, LinkChanges.Pair pair, Set<Object> gone) {
        if (pair.value()) { // an element collection's value: only the owner is an object
            Object key = ownerKey(uow, pair.owner(), gone);
            return key == null ? null : new Object[] {key, pair.element()};
        }
        if (gone.contains(pair.owner()) || gone.contains(pair.element())) return null;
        InstanceState o = uow.stateOf(pair.owner()), e = uow.stateOf(pair.element());
        if (o == null || e == null || o.status != InstanceState.Status.PERSISTENT || e.status != InstanceState.Status.PERSISTENT
                || o.marked || e.marked || o.key() == null || e.key() == null) return null;
        return new Object[] {KeyConditions.of(o.key()), KeyConditions.of(e.key())};
    }
}
