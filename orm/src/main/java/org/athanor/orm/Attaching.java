package org.athanor.orm;

import java.util.List;
import org.athanor.orm.internal.loading.CollectionState;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.mapping.Callbacks;

/**
 * How objects enter a session and are marked for deletion: {@link Session#add} (pending, or
 * persistent for a detached object, with the save-update cascade and the attach listeners),
 * {@link Session#delete} and {@link Session#merge}. The public methods and their documentation are the
 * Session's; every state change goes through its unit of work. Moved out of Session unchanged.
 */
final class Attaching {
    private final Session session;
    private Class<?> lastAddedType;
    private Mapper lastAddedInfo;

    Attaching(Session session) { this.session = session; }

    InstanceState addInternal(Object entity) {
        if (entity == null) throw new IllegalArgumentException("add(null): give an entity object");
        InstanceState s = session.stateOf(entity);
        if (s != null) {
            if (s.status == InstanceState.Status.DELETED)
                throw new IllegalStateException(Session.describe(s) + " was deleted by a flush in this transaction; commit or roll back"
                        + " before adding it again");
            session.uow.unmark(s);
            return s;
        }
        return addNew(entity, true);
    }

    /** Attaches an object this session does not hold: pending, or persistent when it is detached. */
    private InstanceState addNew(Object entity, boolean index) {
        if (entity instanceof org.athanor.orm.mapping.EntityProxy p && p.athanor$loader() != null)
            throw new IllegalStateException("cannot add an unloaded proxy of " + entity.getClass().getSuperclass().getSimpleName()
                    + " from another session: its fields were never read, so the session cannot know what to write; use "
                    + "merge() (which returns this session's object for its row) or get()");
        Class<?> type = entity.getClass();
        Mapper info;
        if (type == lastAddedType) info = lastAddedInfo; // addAll of one class: one registry lookup
        else {
            info = session.registry().info(type);
            lastAddedType = type;
            lastAddedInfo = info;
        }
        // Whether another open session holds this object is not checked, as Hibernate does not: a
        // session knows only its own objects (no process-wide registry to consult on every add).
        // Giving one object to two sessions is a programming error the sessions cannot see.
        if (info.generatedId != null && !info.idUnset(entity)) {
            InstanceState d = session.uow.attachDetached(entity, info, info.keyOfObject(entity), index);
            // the database holds a detached object's collections: they load on access
            for (int m = 0; m < info.toManys.length; m++) CollectionState.install(session.loadHost, entity, info, m, null, null);
            afterAttach(entity);
            return d;
        }
        if (info.callbacks != null) info.callbacks.fire(Callbacks.PRE_PERSIST, entity); // before it becomes pending
        InstanceState s = session.uow.newPending(entity, info, index);
        if (info.toOnes.length > 0) session.cascades.addReferenced(s);
        if (info.toManys.length > 0) session.cascades.adoptCollections(s);
        afterAttach(entity);
        return s;
    }

    private void afterAttach(Object entity) {
        for (SessionListener l : session.listeners) l.afterAttach(session, entity);
    }

    /** {@link Session#delete}, after the session's entry checks. */
    void delete(Object entity) {
        if (entity == null) throw new IllegalArgumentException("delete(null): give an entity object");
        InstanceState s = session.stateOf(entity);
        if (s == null) {
            // an object this session does not hold: deleting it means its row, named by its id
            Mapper info = session.registry().info(entity.getClass());
            IdKey key = info.keyOfObject(entity);
            if (key == null)
                throw new IllegalStateException(entity.getClass().getSimpleName() + " object is transient (its id is not set);"
                        + " there is nothing to delete");
            InstanceState held = session.uow.identityMap.get(key);
            if (held != null && !held.marked) s = held;
            else {
                s = session.uow.attachDetached(entity, info, key, true);
                afterAttach(entity);
            }
        }
        switch (s.status) {
            case PENDING -> throw new IllegalStateException(Session.describe(s) + " is pending (not inserted yet); use expunge() to drop it");
            case DELETED -> { /* already deleted in this transaction */ }
            case PERSISTENT -> {
                if (!s.marked) {
                    // an unloaded proxy is read first: @PreRemove and the version check need its row
                    if (s.ghost) Loading.fill(s);
                    if (s.info.callbacks != null) s.info.callbacks.fire(Callbacks.PRE_REMOVE, s.obj());
                    session.uow.markDeleted(s);
                }
            }
        }
    }

    /**
     * An element collection holds values owned by the object, as its attributes: merge makes the target's (the
     * session's own collection) hold what {@code from}'s holds, for each one {@code from} has loaded.
     */
    @SuppressWarnings("unchecked")
    private static void copyElementCollections(Mapper info, Object from, Object to) {
        for (org.athanor.orm.mapping.ToMany t : info.toManys) {
            if (!t.isElementCollection()) continue;
            java.util.Collection<?> given = CollectionState.elementsOf(t.get(from));
            if (given == null) continue; // not loaded where it came from: left as the target has it
            java.util.Collection<Object> own = (java.util.Collection<Object>) t.get(to);
            if (t.isSet()) { // by difference: the flush deletes and inserts only the values that differ
                own.retainAll(given);
                own.addAll(given);
            } else if (!new java.util.ArrayList<>(own).equals(new java.util.ArrayList<>(given))) {
                own.clear(); // a List that differs is rewritten
                own.addAll(given);
            }
        }
    }

    /** {@link Session#merge}, after the session's entry checks. */
    <E> E merge(E entity) { return merge(entity, new java.util.IdentityHashMap<>()); }

    /** {@link #merge(Object)} with the objects merged so far by this call's MERGE cascade (given object to session object). */
    <E> E merge(E entity, java.util.Map<Object, Object> merged) {
        if (entity == null) throw new IllegalArgumentException("merge(null): give an entity object");
        if (session.stateOf(entity) != null) return entity;
        @SuppressWarnings("unchecked") E done = (E) merged.get(entity);
        if (done != null) return done;
        Mapper info = session.registry().info(entity.getClass());
        if (entity instanceof org.athanor.orm.mapping.EntityProxy p && p.athanor$loader() != null) {
            // an unloaded proxy from another session has no state to copy: this session's object for its row
            @SuppressWarnings("unchecked") E held = (E) session.get(info.type, info.get(entity, info.idIdx[0]));
            if (held == null)
                throw new IllegalStateException("merge(): " + info.name + " " + info.get(entity, info.idIdx[0])
                        + " is an unloaded proxy whose row no longer exists");
            return held;
        }
        IdKey key = info.keyOfObject(entity);
        session.report.origin("merge " + info.name);
        Object target = null;
        if (key != null) {
            InstanceState s = session.uow.identityMap.get(key);
            if (s != null && !session.isExpired(s)) target = s.obj();
            else {
                session.flushes.autoflush();
                List<Object> found = Loading.list(session.loadHost, info, org.athanor.orm.internal.mapping.KeyConditions.byKey(info, key));
                if (!found.isEmpty()) target = found.get(0);
            }
        }
        Object[] values = info.read(entity);
        if (target == null) {
            Object copy = info.newInstance();
            session.uow.setSlots(info, copy, values, true, false);
            addInternal(copy);
            target = copy;
        } else session.uow.setSlots(info, target, values, true, true);
        merged.put(entity, target);
        ObjectCascades.merge(session, info, entity, target, merged); // cascade = MERGE
        if (info.hasElementCollections()) copyElementCollections(info, entity, target);
        @SuppressWarnings("unchecked") E e = (E) target;
        return e;
    }
}
