package org.athanor.orm;

import java.util.List;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;

/**
 * {@link Session#get} by identity (SQLAlchemy's {@code Session._get_impl}): the identity map first, an
 * autoflush on a miss, then one SELECT by key; also how the unit of work loads the target of a
 * reference. The public method and its documentation are the Session's. Moved out of Session unchanged.
 */
final class IdentityGet {
    private IdentityGet() {}

    /** The object of {@code entityClass} with identity {@code key} in {@code session}, or null. */
    static <E> E get(Session session, Class<E> entityClass, Mapper info, IdKey key) {
        session.report.origin(info.getOrigin);
        InstanceState s = session.uow.identityMap.isEmpty() ? null : session.uow.identityMap.get(key);
        // identity is keyed by the hierarchy's base: the object found may be of another class of it
        if (s != null) {
            if (s.marked) return null;
            if (!session.isExpired(s)) return entityClass.isInstance(s.obj()) ? entityClass.cast(s.obj()) : null;
        } else {
            session.flushes.autoflush();
            s = session.uow.identityMap.get(key); // the flush may have inserted it
            if (s != null && !session.isExpired(s)) return entityClass.isInstance(s.obj()) ? entityClass.cast(s.obj()) : null;
        }
        List<Object> found = Loading.list(session.loadHost, info, KeyConditions.byKey(info, key));
        if (found.isEmpty()) {
            if (s != null && !entityClass.isInstance(s.obj())) return null; // the row is another class's
            if (s != null) session.detach(s); // an expired object whose row is gone
            return null;
        }
        return entityClass.cast(found.get(0));
    }
}
