package org.athanor.orm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.OrderItem;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.orm.mapping.ToMany;

/**
 * The lazy, batched load of {@code @OneToMany} collections: the first access to an unloaded collection
 * loads that collection for every object of the same query result that is still in the session and
 * has it unloaded, with one {@code SELECT ... WHERE fk IN (...)} per {@link ToOneLoading#CHUNK} owners,
 * ordered by {@code @OrderBy} then the elements' key. The elements' reference back to their owner is
 * found in the identity map (the owners are there), so it costs no further statement.
 */
final class CollectionLoading {
    private CollectionLoading() {}

    static void load(CollectionState cs) {
        Session s = cs.session;
        InstanceState ownerState = s.isClosed() ? null : s.stateOf(cs.owner);
        if (ownerState == null || ownerState.status == InstanceState.Status.PENDING && cs.items == null)
            throw new DetachedInstanceError(cs.info.name + "." + cs.relation().name() + " of " + cs.owner
                    + " is not loaded, and the object's session is " + (s.isClosed() ? "closed" : "no longer holding it")
                    + ": there is nothing to load it with. Access the collection while the session is open (e.g. "
                    + "getX().size()), or get the object again from an open session");
        s.autoflushIfEnabled(); // as a query would: the select sees the session's pending changes
        if (cs.items != null) return; // the autoflush may have loaded it
        EntityInfo owner = cs.info, element = cs.elementInfo();
        int m = cs.m, k = owner.toManyBackRef[m];
        // the owners to load for: this one first, then the rest of its result still unloaded in this session
        Map<Object, CollectionState> byOwner = new IdentityHashMap<>();
        List<Object> ids = new ArrayList<>();
        byOwner.put(cs.owner, cs);
        ids.add(ownerState.key().value(0));
        if (cs.group != null)
            for (Object o : cs.group) {
                if (o == cs.owner) continue;
                InstanceState st = s.stateOf(o);
                CollectionState other = CollectionState.stateOf(s, o, owner, m);
                if (st == null || st.status != InstanceState.Status.PERSISTENT || other == null || other.items != null
                        || byOwner.containsKey(o)) continue;
                byOwner.put(o, other);
                ids.add(st.key().value(0));
            }
        for (CollectionState c : byOwner.values()) c.items = new ArrayList<>();
        @SuppressWarnings("unchecked") Column<Object> fk = (Column<Object>) element.toOnes[k].column();
        for (int from = 0; from < ids.size(); from += ToOneLoading.CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + ToOneLoading.CHUNK));
            Select<Row> select = element.selectAll.where(fk.in(chunk)).orderBy(orderBy(element, cs.relation()));
            for (Object e : Loading.list(s, element, select)) {
                CollectionState target = byOwner.get(element.toOnes[k].get(e));
                // an element whose reference was changed in memory since (not flushed: autoflush off) goes where it points now
                if (target != null && !target.items.contains(e)) target.items.add(e);
            }
        }
    }

    private static OrderItem[] orderBy(EntityInfo element, ToMany rel) {
        List<OrderItem> out = new ArrayList<>();
        for (String o : rel.orderBy()) {
            boolean desc = o.endsWith(" DESC");
            String name = desc ? o.substring(0, o.length() - 5) : o;
            for (int i = 0; i < element.plain; i++)
                if (element.attrs[i].name().equals(name)) out.add(desc ? element.attrs[i].column().desc() : element.attrs[i].column().asc());
        }
        for (int i : element.idIdx) out.add(element.attrs[i].column().asc());
        return out.toArray(OrderItem[]::new);
    }
}
