package org.athanor.orm;

import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;

/**
 * What {@link Session#inspect} found out about an object.
 *
 * <pre>{@code
 * InstanceInfo info = session.inspect(user);
 * if (info.state() == ObjectState.PERSISTENT) System.out.println(info.identity());
 * }</pre>
 *
 * @param state    the object's state
 * @param session  the session holding it, or null (transient, detached)
 * @param identity its primary key values when a session holds it with a row, else null
 */
public record InstanceInfo(ObjectState state, Session session, List<Object> identity) {
    public boolean isTransient() { return state == ObjectState.TRANSIENT; }
    public boolean isPending() { return state == ObjectState.PENDING; }
    public boolean isPersistent() { return state == ObjectState.PERSISTENT; }
    public boolean isDeleted() { return state == ObjectState.DELETED; }
    public boolean isDetached() { return state == ObjectState.DETACHED; }

    /** What {@code session} knows of {@code entity} (see {@link Session#inspect}). */
    static InstanceInfo of(Session session, Object entity) {
        if (entity == null) throw new IllegalArgumentException("inspect(null): give an entity object");
        InstanceState s = session.stateOf(entity);
        if (s == null) {
            Mapper info = session.registry().info(entity.getClass());
            boolean detached = info.generatedId != null && !info.idUnset(entity);
            return new InstanceInfo(detached ? ObjectState.DETACHED : ObjectState.TRANSIENT, null, null);
        }
        ObjectState st = switch (s.status) {
            case PENDING -> ObjectState.PENDING;
            case PERSISTENT -> ObjectState.PERSISTENT;
            case DELETED -> ObjectState.DELETED;
        };
        return new InstanceInfo(st, session, s.key() == null ? null : s.key().asList());
    }
}
