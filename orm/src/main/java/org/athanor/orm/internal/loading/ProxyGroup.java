package org.athanor.orm.internal.loading;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.DetachedInstanceError;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.mapping.EntityProxy;
import org.athanor.orm.mapping.ProxyLoader;

/**
 * The unloaded proxies one query result's {@code fetch = LAZY} reference handed out ({@code Post.author}
 * of every post of the result): the first method called on any of them loads all of them still unloaded
 * and in the session, with one {@code SELECT ... WHERE id IN (...)} per {@link ToOneLoading#CHUNK} keys (a composite
 * key's columns as a row value, see {@link KeyConditions#in}; one {@code = ANY(?)} for all, see {@link KeyConditions#batches}),
 * counted as {@code lazy load Post.author}. Each row fills its proxy in place (the proxy is the identity
 * map's object for the row, marked {@link InstanceState#ghost}), through the same path as any re-read row.
 * Not thread-safe, as the Session.
 */
final class ProxyGroup implements ProxyLoader {
    private final Loading.Host session;
    /** The referring entity and reference, for statement origins and messages. */
    private final Mapper referrer;
    private final int k;
    private final List<Object> proxies = new ArrayList<>();
    /** The id of the object each proxy was first handed to (for messages). */
    private final List<Object> referrerIds = new ArrayList<>();

    private ProxyGroup(Loading.Host session, Mapper referrer, int k) {
        this.session = session;
        this.referrer = referrer;
        this.k = k;
    }

    /** A group for reference {@code k} of {@code referrer} in one result: proxies are added as the result needs them. */
    static ProxyGroup of(Loading.Host session, Mapper referrer, int k) { return new ProxyGroup(session, referrer, k); }

    /**
     * A new unloaded proxy for the target row with key {@code id} (a {@link Mapper#refKey} value: the id, or the
     * list of a composite key's values; no object of the session has it), registered in the identity map and in
     * this group; {@code referrerId}: the object it is handed to.
     */
    Object proxy(Object id, Object referrerId) {
        Mapper target = referrer.toOneTarget(k);
        EntityProxy p = referrer.toOnes[k].newProxy();
        IdKey key = referrer.targetKey(k, id);
        for (int j = 0; j < target.idIdx.length; j++) target.set(p, target.idIdx[j], key.value(j));
        session.uow().attachGhost(target, p, key);
        p.athanor$loader(this);
        proxies.add(p);
        referrerIds.add(referrerId);
        return p;
    }

    private String relation() { return referrer.name + "." + referrer.toOnes[k].name(); }

    /** {@code Post(3).author → User 1}: the proxy as messages name it. */
    private String describe(Object proxy) {
        Mapper target = referrer.toOneTarget(k);
        int at = -1;
        for (int i = 0; i < proxies.size() && at < 0; i++) if (proxies.get(i) == proxy) at = i; // not equals(): it is intercepted
        Object from = at < 0 ? "?" : referrerIds.get(at);
        Object[] key = new Object[target.idIdx.length];
        for (int j = 0; j < key.length; j++) key[j] = target.get(proxy, target.idIdx[j]);
        return referrer.name + "(" + from + ")." + referrer.toOnes[k].name() + " \u2192 " + target.name + " "
                + (key.length == 1 ? key[0] : java.util.Arrays.asList(key));
    }

    @Override public void load(Object proxy) {
        InstanceState st = session.isClosed() ? null : session.stateOf(proxy);
        if (st == null)
            throw new DetachedInstanceError(describe(proxy) + " is an unloaded proxy (fetch = LAZY), and its session is "
                    + (session.isClosed() ? "closed" : "no longer holding it") + ": there is nothing to load it with. Use it "
                    + "while the session is open, load it with the query (options(joinedLoad(" + referrer.type.getSimpleName()
                    + "_." + referrer.toOnes[k].name() + "))), or get the object again from an open session");
        if (!st.ghost) { // filled in place by another load of its row (a query, get, refresh)
            ((EntityProxy) proxy).athanor$loader(null);
            return;
        }
        String relation = relation();
        session.lazyLoad(relation, "joinedLoad(" + referrer.type.getSimpleName() + "_." + referrer.toOnes[k].name() + ")");
        session.autoflushIfEnabled(); // as a query would: the select sees the session's pending changes
        List<Object> batch = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        Mapper target = referrer.toOneTarget(k);
        batch.add(proxy);
        ids.add(KeyConditions.of(st.key()));
        for (Object p : proxies) {
            InstanceState other = p == proxy ? null : session.stateOf(p);
            if (other == null || !other.ghost || other.marked || other.status != InstanceState.Status.PERSISTENT) continue;
            batch.add(p);
            ids.add(KeyConditions.of(other.key()));
        }
        List<org.athanor.core.sql.Expression<?>> idColumns = List.of(target.idColumns());
        org.athanor.core.dialect.Dialect dialect = session.connection().dialect();
        String prev = session.origin("lazy load " + relation);
        try {
            for (List<Object> chunk : KeyConditions.batches(ids, idColumns, dialect, ToOneLoading.CHUNK)) {
                Loading.list(session, target, target.selectAll.where(KeyConditions.in(idColumns, chunk, dialect)));
            }
        } finally {
            session.origin(prev);
        }
        for (Object p : batch) {
            InstanceState s = session.stateOf(p);
            if (s != null && !s.ghost) ((EntityProxy) p).athanor$loader(null);
        }
        if (st.ghost)
            throw new IllegalStateException(describe(proxy) + ": " + target.name + " " + ids.get(0) + " has no row (deleted "
                    + "since the referring row was read); the proxy stays unloaded");
    }
}
