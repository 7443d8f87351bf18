package org.athanor.orm;

import java.util.List;
import org.athanor.orm.internal.flush.Flusher;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.SessionTx;

/**
 * The flush as a session runs it: its listeners around it, the save-update cascade along references
 * that completes what it writes, the {@link Flusher} that writes it, and a failure handed to the
 * session transaction (rolled back in the database and the session); and the autoflush rule that
 * queries, {@code get} misses and lazy loads follow. The public {@link Session#flush()} and its
 * documentation are the Session's. Moved out of Session unchanged.
 */
final class SessionFlush {
    private final Session session;
    private final SessionTx tx;
    /** What a flush reaches of the session: its unit of work, its connection, the mapper listeners as it calls them. */
    private final Flusher.Host host;
    /** The session's flusher, made at its first flush and used for every one after (each run starts it afresh). */
    private Flusher flusher;
    private boolean running;

    SessionFlush(Session session, SessionTx tx) {
        this.session = session;
        this.tx = tx;
        this.host = SessionHosts.flush(session, session.factory.listeners.flushEvents(session));
    }

    /** Writes pending work (Session.flush() after its entry check); refused while a flush runs. */
    void run() {
        if (running) throw new IllegalStateException("flush() called while a flush is running");
        running = true;
        String prev = session.report.origin("flush");
        try {
            boolean holds = session.uow.attachedCount() != 0;
            if (holds) for (SessionListener l : session.listeners) l.beforeFlush(session);
            // one walk over the attached objects finds the changed ones; the cascade follows their references, and the
            // walk is made again only when the cascade attached, deleted or changed objects itself
            List<InstanceState> changed = Flusher.changed(session.uow);
            if (session.cascades.cascadeReferences(changed)) changed = Flusher.changed(session.uow);
            if (flusher == null) flusher = new Flusher(host);
            flusher.run(changed);
            if (holds) for (SessionListener l : session.listeners) l.afterFlush(session);
        } catch (RuntimeException e) {
            // whatever stopped the flush (the database's error, a stale version, a changed key), some
            // of its statements may have run: the work is undone in the database and in the session
            tx.flushFailed(e);
            throw e;
        } finally {
            running = false;
            session.report.origin(prev);
        }
    }

    /** Flushes when the session autoflushes, no flush is running, and it holds any object. */
    void autoflush() {
        // with no attached object there is nothing a flush could write: skip building a Flusher
        if (session.autoflush && !running && session.uow.attachedCount() != 0) run();
    }
}
