package org.athanor.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.orm.internal.loading.CollectionState;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;

/**
 * A session's relationship cascades (SQLAlchemy's save-update and delete cascades): adding what a new
 * object references or collects, and making references and loaded collections agree before a flush.
 * Moved out of Session unchanged; the methods reach the session through the delegates below, named as
 * the Session's own, so edits to these methods merge by name.
 */
final class Cascades {
    private final Session session;
    private final Registry registry;
    private final UnitOfWork uow;
    private final Loading.Host loadHost;

    Cascades(Session session) {
        this.session = session;
        this.registry = session.registry();
        this.uow = session.uow;
        this.loadHost = session.loadHost;
    }

    private InstanceState stateOf(Object entity) { return session.stateOf(entity); }
    private InstanceState addInternal(Object entity) { return session.addInternal(entity); }
    private void expunge(Object entity) { session.expunge(entity); }
    private void delete(Object entity) { session.delete(entity); }

    /**
     * Save-update cascade along references (SQLAlchemy's default, JPA's cascade = PERSIST): the new
     * objects {@code s}'s references hold are added too, so that the flush inserts them first.
     */
    void addReferenced(InstanceState s) {
        Mapper info = s.info;
        for (int k = 0; k < info.toOnes.length; k++) {
            Object related = info.toOnes[k].get(s.obj());
            if (related != null && stateOf(related) == null) addInternal(related);
        }
    }

    /**
     * A new object's collections become the session's own, holding what the object's collections held
     * (null: empty); each element's reference is set to the object and the new elements are added.
     * The object's field then holds the ORM's collection: the application's original is not used again.
     */
    void adoptCollections(InstanceState s) {
        Mapper info = s.info;
        for (int m = 0; m < info.toManys.length; m++) {
            Object given = info.toManys[m].get(s.obj());
            if (CollectionState.stateOf(loadHost, s.obj(), info, m) != null) continue;
            CollectionState cs = CollectionState.install(loadHost, s.obj(), info, m, null, new ArrayList<>());
            if (given instanceof java.util.Collection<?> c)
                for (Object e : c) {
                    cs.checkElement(e);
                    if (!cs.items.contains(e)) cs.items.add(e);
                    cs.linked(e);
                }
        }
    }

    /**
     * Before a flush, relationships are made consistent (SQLAlchemy's save-update and delete cascades):
     * a deleted object's collections are loaded and their elements deleted (cascade REMOVE) or their
     * reference cleared; loaded collections drop elements whose reference now points elsewhere and gain
     * those that point at their owner (so a reference set directly shows in the loaded inverse
     * collection at this flush at the latest); new objects referenced or collected are added.
     */
    void cascadeReferences() {
        if (!registry.hasReferences()) return;
        List<InstanceState> deleted = new ArrayList<>(uow.marked);
        for (int i = 0; i < deleted.size(); i++) {
            InstanceState st = deleted.get(i);
            Mapper info = st.info;
            for (int m = 0; m < info.toManys.length; m++) {
                CollectionState cs = CollectionState.stateOf(loadHost, st.obj(), info, m);
                if (cs == null) cs = CollectionState.install(loadHost, st.obj(), info, m, null, null);
                int k = info.toManyBackRef(m);
                Mapper ei = info.toManyTarget(m);
                for (Object e : new ArrayList<>(cs.items())) {
                    InstanceState es = stateOf(e);
                    if (info.toManys[m].cascadeRemove()) {
                        if (es == null) continue;
                        if (es.status == InstanceState.Status.PENDING) expunge(e);
                        else if (es.status == InstanceState.Status.PERSISTENT && !es.marked) {
                            delete(e);
                            deleted.add(es);
                        }
                    } else if (ei.toOnes[k].get(e) == st.obj() && (es == null || !es.marked)) {
                        ei.toOnes[k].set(e, null); // as SQLAlchemy: the element stays, without its owner (NOT NULL: the database refuses)
                    }
                }
            }
        }
        List<InstanceState> holders = new ArrayList<>();
        uow.forEachAttached(st -> { if ((st.info.toOnes.length > 0 || st.info.toManys.length > 0) && !st.marked) holders.add(st); });
        // each loaded collection's members as an identity set, built once: large collections stay linear
        Map<CollectionState, Set<Object>> members = new IdentityHashMap<>();
        for (InstanceState st : holders) {
            Mapper info = st.info;
            for (int m = 0; m < info.toManys.length; m++) {
                CollectionState cs = CollectionState.stateOf(loadHost, st.obj(), info, m);
                if (cs == null || cs.items == null) continue;
                org.athanor.orm.mapping.ToOne back = info.toManyTarget(m).toOnes[info.toManyBackRef(m)];
                cs.items.removeIf(e -> back.get(e) != st.obj());
                Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
                set.addAll(cs.items);
                members.put(cs, set);
                for (Object e : cs.items) if (stateOf(e) == null) addInternal(e);
            }
        }
        for (InstanceState st : holders) {
            Mapper info = st.info;
            for (int k = 0; k < info.toOnes.length; k++) {
                int mirror = info.toOneMirror(k);
                Object ref = info.toOnes[k].get(st.obj());
                if (mirror < 0 || ref == null) continue;
                CollectionState cs = CollectionState.stateOf(loadHost, ref, info.toOneTarget(k), mirror);
                Set<Object> in = cs == null ? null : members.get(cs);
                if (in != null && in.add(st.obj())) cs.items.add(st.obj());
            }
            if (info.toOnes.length > 0) addReferenced(st);
        }
    }
}
