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
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LinkChanges;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.mapping.Secondary;

/**
 * The flush's many-to-many step (SQLAlchemy's ManyToManyDP): after the objects' INSERTs and UPDATEs
 * (so both ends of a new link have their keys, generated ones included) and before their DELETEs, the
 * rows of the secondary tables: first those of the objects being deleted (one
 * {@code DELETE ... WHERE col IN (...)} per table and side), then the unlinked pairs (one DELETE per table),
 * then the linked pairs (one multi-row INSERT per table); each chunked under the bind limit.
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
        p.operation = "writing many-to-many rows of";
        Set<Object> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Secondary, List<Object>> byColumn = new LinkedHashMap<>();
        for (InstanceState st : deletes) {
            gone.add(st.obj());
            for (Secondary s : st.info.associations()) byColumn.computeIfAbsent(s, k -> new ArrayList<>()).add(st.key().value(0));
        }
        for (Map.Entry<Secondary, List<Object>> e : byColumn.entrySet()) {
            List<Object> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += maxBinds) {
                Delete del = Sql.deleteFrom(e.getKey().table()).where(e.getKey().local().in(ids.subList(from, Math.min(ids.size(), from + maxBinds))));
                p.statement = del;
                conn.execute(del);
            }
        }
        for (Map.Entry<Secondary, LinkedHashMap<LinkChanges.Pair, Boolean>> e : uow.links.changes().entrySet()) {
            Secondary s = e.getKey();
            List<Object[]> added = new ArrayList<>(), removed = new ArrayList<>();
            for (Map.Entry<LinkChanges.Pair, Boolean> c : e.getValue().entrySet()) {
                Object[] keys = keys(uow, c.getKey(), gone);
                if (keys != null) (c.getValue() ? added : removed).add(keys);
            }
            int per = Math.max(1, maxBinds / 2);
            for (int from = 0; from < removed.size(); from += per) {
                List<Expression<Boolean>> or = new ArrayList<>();
                for (Object[] k : removed.subList(from, Math.min(removed.size(), from + per)))
                    or.add(Sql.and(List.of(s.local().eq(k[0]), s.remote().eq(k[1]))));
                Delete del = Sql.deleteFrom(s.table()).where(Sql.or(or));
                p.statement = del;
                conn.execute(del);
            }
            @SuppressWarnings({"unchecked", "rawtypes"}) Column<?>[] cols = {s.local(), s.remote()};
            for (int from = 0; from < added.size(); from += per) {
                Insert ins = Sql.insert(s.table()).columns(cols).valuesMany(added.subList(from, Math.min(added.size(), from + per)));
                p.statement = ins;
                conn.execute(ins);
            }
        }
        uow.links.clear();
        p.statement = null;
    }

    /** The pair's keys {owner, element}, or null when either end is not a persistent object of the session, or is being deleted. */
    private static Object[] keys(UnitOfWork uow, LinkChanges.Pair pair, Set<Object> gone) {
        if (gone.contains(pair.owner()) || gone.contains(pair.element())) return null;
        InstanceState o = uow.stateOf(pair.owner()), e = uow.stateOf(pair.element());
        if (o == null || e == null || o.status != InstanceState.Status.PERSISTENT || e.status != InstanceState.Status.PERSISTENT
                || o.marked || e.marked || o.key() == null || e.key() == null) return null;
        return new Object[] {o.key().value(0), e.key().value(0)};
    }
}
