package org.athanor.orm;

/**
 * Static helpers of the ORM (SQLAlchemy's {@code inspect()}).
 *
 * <pre>{@code
 * session.add(user);
 * assert Athanor.inspect(user).state() == ObjectState.PENDING;
 * }</pre>
 */
public final class Athanor {
    private Athanor() {}

    /**
     * The state of {@code entity}: which open session holds it and how. Sessions are consulted only
     * from the thread that uses them (a session in use by another thread is not inspected); an object
     * no session holds is DETACHED if it once had a row in a session, else TRANSIENT. For an entity
     * whose id is generated ({@code @GeneratedValue}) that is decided by the id, as Hibernate does: set
     * (non-null, non-zero) means DETACHED, since only the database or a flush gives such ids; objects
     * of other entities (application-assigned or composite ids) are remembered, weakly, when they leave
     * a session.
     */
    public static InstanceInfo inspect(Object entity) {
        if (entity == null) throw new IllegalArgumentException("Athanor.inspect(null): give an entity object");
        for (Session s : Tracking.openSessions()) {
            InstanceInfo info = s.inspectIfOwned(entity);
            if (info != null) return info;
        }
        return new InstanceInfo(Tracking.wasPersistent(entity) ? ObjectState.DETACHED : ObjectState.TRANSIENT, null, null);
    }
}
