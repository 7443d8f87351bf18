package org.athanor.orm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.ExecutionEvent;
import org.athanor.core.engine.ExecutionListener;

/**
 * The execution listener behind {@link StatementReport}: one per factory that asked for reports,
 * registered on the primary and every replica engine of its router. A session binds its connection
 * while it holds it; each statement finished on a bound connection is counted by that session under
 * its current origin. The listener runs on the executing thread, which is the session's own, so the
 * session's counters need no locking; the map of bound connections is the only shared structure.
 */
final class StatementTracker implements ExecutionListener {
    private final Map<Connection, Session> sessions = new ConcurrentHashMap<>();

    void bind(Connection c, Session s) { sessions.put(c, s); }

    void unbind(Connection c) { sessions.remove(c); }

    int bound() { return sessions.size(); }

    @Override public void finished(ExecutionEvent event) {
        Session s = sessions.get(event.connection());
        if (s != null) s.report.countStatement();
    }
}
