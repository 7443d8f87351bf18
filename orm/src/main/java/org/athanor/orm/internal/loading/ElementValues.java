package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.mapping.KeyConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.mapping.Secondary;

/**
 * What an {@code @ElementCollection} (basic values in a collection table) does in the ORM's own
 * {@link RelationList} / {@link RelationSet}, where an entity collection keeps the other side in step: a
 * value is checked (the element class, never null); a change of a Set is recorded as a pair to insert or
 * delete (by value: adding back a removed value cancels both), a change of a List or Collection (a bag,
 * whose rows have no key) marks the owner's rows to be rewritten by the flush. And the load: one
 * {@code SELECT owner, value FROM <collection table> WHERE owner IN (...) ORDER BY owner, value} (a List with
 * {@code @OrderColumn}: {@code ORDER BY owner, position}) per
 * chunk of owners, for every owner of the query result still unloaded, as other collections load. A
 * collection the application replaced in a live object's field is adopted before the flush ({@link #adopt}).
 */
public final class ElementValues {
    private ElementValues() {}

    static Object check(CollectionState cs, Object e) {
        Class<?> type = cs.relation().target();
        if (e == null)
            throw new IllegalArgumentException(cs.info.name + "." + cs.relation().name() + " holds " + type.getSimpleName()
                    + " values, and null is not one (the collection table's value column is NOT NULL)");
        if (!type.isInstance(e))
            throw new IllegalArgumentException(cs.info.name + "." + cs.relation().name() + " holds " + type.getName()
                    + " values, not " + e.getClass().getName());
        return e;
    }

    /**
     * {@code e} was added to ({@code link}) or removed from the collection: recorded for the flush while the owner is
     * attached. {@code appended}: added at the end of a List, so while a bag's changes are appends only, the flush
     * inserts the appended values and deletes nothing.
     */
    static void changed(CollectionState cs, Object e, boolean link, boolean appended) {
        Loading.Host s = cs.session;
        if (s.isClosed()) return;
        InstanceState owner = s.stateOf(cs.owner);
        if (owner == null) return; // detached: the change is the object's alone, as for any collection
        Secondary table = cs.info.toManySecondary(cs.m);
        if (!cs.relation().isSet())
            s.uow().links.rewrite(table, cs.owner, cs.items, owner.status == InstanceState.Status.PERSISTENT,
                    appended ? cs.items.size() - 1 : -1);
        else if (s.uow().links.rewriting(table, cs.owner)) return; // a replaced Set is written whole: its live items
        else if (link) s.uow().links.link(table, cs.owner, e);
        else s.uow().links.unlink(table, cs.owner, e);
    }

    /**
     * Before a flush: element collection {@code m} of {@code st} (attached, not deleted), whose field no longer holds
     * the session's collection but {@code given} (another collection, or null), becomes the session's again, holding
     * what {@code given} holds, and is written as a whole (its rows deleted, then its values inserted), as Hibernate
     * does for a replaced collection (see {@link CollectionChanges#adoptReplaced}).
     */
    static void adopt(Loading.Host s, InstanceState st, int m, Object given) {
        org.athanor.orm.internal.mapping.Mapper info = st.info;
        Object owner = st.obj();
        org.athanor.orm.mapping.ToMany t = info.toManys[m];
        CollectionState cs = CollectionState.install(s, owner, info, m, null, new ArrayList<>());
        if (given instanceof java.util.Collection<?> c)
            for (Object e : c) {
                check(cs, e);
                if (!t.isSet() || !cs.items.contains(e)) cs.items.add(e);
            }
        s.uow().links.rewrite(info.toManySecondary(m), owner, cs.items, st.status == InstanceState.Status.PERSISTENT, -1);
    }

    /**
     * Loads the values of every owner in {@code byOwner} (keys {@code ids}, each collection's items already empty): one
     * select per chunk of owners, by their key (a composite key: row values or OR-ed column pairs, {@link KeyConditions#in}).
     */
    static void load(Loading.Host s, CollectionState cs, Map<Object, CollectionState> byOwner, List<Object> ids) {
        Secondary table = cs.info.toManySecondary(cs.m);
        List<org.athanor.core.schema.Column<Object>> locals = table.locals();
        int width = locals.size();
        Map<Object, CollectionState> byKey = new java.util.HashMap<>();
        for (CollectionState c : byOwner.values()) byKey.put(KeyConditions.of(s.stateOf(c.owner).key()), c);
        List<org.athanor.core.sql.Expression<?>> columns = new ArrayList<>(locals);
        columns.add(table.remote());
        List<org.athanor.core.sql.OrderItem> order = new ArrayList<>();
        for (org.athanor.core.schema.Column<Object> l : locals) order.add(l.asc());
        order.add((table.position() != null ? table.position() : table.remote()).asc());
        Select<Row> all = Sql.select(columns).from(table.table()).orderBy(order.toArray(org.athanor.core.sql.OrderItem[]::new));
        org.athanor.core.dialect.Dialect dialect = s.connection().dialect();
        for (List<Object> chunk : KeyConditions.batches(ids, locals, dialect, ToOneLoading.CHUNK)) {
            Select<Row> select = all.where(KeyConditions.in(locals, chunk, dialect));
            for (Row row : s.connection().execute(select).all()) {
                Object key = row.get(0);
                if (width > 1) {
                    Object[] parts = new Object[width];
                    for (int j = 0; j < width; j++) parts[j] = row.get(j);
                    key = java.util.Arrays.asList(parts);
                }
                CollectionState target = byKey.get(key);
                if (target != null) target.items.add(row.get(width));
            }
        }
    }
}
