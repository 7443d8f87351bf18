package org.athanor.orm.internal.flush;

import org.athanor.orm.internal.mapping.Mapper;

/**
 * The mapper events a flush calls (the session's {@code MapperListener}s), reached through
 * {@link Flusher.Host#events()}.
 */
public interface FlushEvents {
    int BEFORE_INSERT = 0, AFTER_INSERT = 1, BEFORE_UPDATE = 2, AFTER_UPDATE = 3, BEFORE_DELETE = 4, AFTER_DELETE = 5;

    /** Whether any listener listens to {@code mapper}'s objects (else the flush skips the calls). */
    boolean listens(Mapper mapper);

    /** Calls the listeners of {@code entity}'s mapper for {@code event}; what they throw propagates. */
    void fire(int event, Mapper mapper, Object entity);
}
