package org.athanor.orm;

import java.util.List;

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
}
