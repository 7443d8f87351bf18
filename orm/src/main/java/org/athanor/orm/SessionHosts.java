package org.athanor.orm;

import org.athanor.core.engine.Connection;
import org.athanor.core.routing.RoutingEngine;
import org.athanor.orm.internal.flush.FlushEvents;
import org.athanor.orm.internal.flush.Flusher;
import org.athanor.orm.internal.loading.CollectionChanges;
import org.athanor.orm.internal.loading.CollectionState;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.SessionTx;
import org.athanor.orm.internal.uow.UnitOfWork;

/**
 * What each internal part of a {@link Session} reaches of it: the unit of work, the flush, loading and the
 * session transaction each see the session only through their {@code Host} interface, made here, so the
 * internals stay in their packages and {@code Session} keeps only its public API.
 */
final class SessionHosts {
    private SessionHosts() {}

    /** The unit of work's way back: loads by key (for references) and collections to forget after rollback. */
    static UnitOfWork.Host unitOfWork(Session session) {
        return new UnitOfWork.Host() {
            @Override public Object load(Mapper mapper, IdKey key) { return IdentityGet.get(session, mapper.type, mapper, key); }
            @Override public void unloadCollections(InstanceState s) {
                Loading.Host host = session.loadHost;
                for (int m = 0; m < s.info.toManys.length; m++) {
                    CollectionState cs = CollectionState.stateOf(host, s.obj(), s.info, m);
                    if (cs != null) cs.items = null;
                    // a collection replaced in the field: the session's own again, loading the database's values
                    else if (!s.ghost) CollectionState.install(host, s.obj(), s.info, m, null, null);
                }
            }
            @Override public boolean collectionsReplaced(InstanceState s) { return CollectionChanges.replaced(session.loadHost, s); }
        };
    }

    /** What a flush reaches: the unit of work, the connection for writes, the mapper listeners, the version clock. */
    static Flusher.Host flush(Session session, FlushEvents events) {
        return new Flusher.Host() {
            @Override public UnitOfWork uow() { return session.uow; }
            @Override public Connection connection() { return session.tx.writeConnection(); }
            @Override public FlushEvents events() { return events; }
            @Override public java.time.Clock versionClock() { return session.factory.versionClock; }
            @Override public org.athanor.orm.internal.flush.UpdateStatements updates() { return session.factory.updates; }
        };
    }

    /** What loading (internal.loading) reaches; one per session, collections compare it. */
    static Loading.Host load(Session session) {
        return new Loading.Host() {
            @Override public UnitOfWork uow() { return session.uow; }
            @Override public Connection connection() { return session.tx.connection(); }
            @Override public InstanceState stateOf(Object entity) { return session.stateOf(entity); }
            @Override public boolean isExpired(InstanceState st) { return session.isExpired(st); }
            @Override public void autoflushIfEnabled() { session.flushes.autoflush(); }
            @Override public boolean isClosed() { return session.isClosed(); }
            @Override public void add(Object entity) { session.add(entity); }
            @Override public void delete(Object entity) { session.delete(entity); }
            @Override public void expunge(Object entity) { session.expunge(entity); }
            @Override public void relinked(Object element) { session.cascades.relinked(element); }
            @Override public void touched(CollectionState collection) { session.cascades.touched(collection); }
            @Override public String origin(String origin) { return session.report.origin(origin); }
            @Override public void lazyLoad(String relation, String avoid) { session.report.lazyLoad(relation, avoid); }
        };
    }

    /** What the session transaction reaches: the router, the unit of work, the flush, the session listeners. */
    static SessionTx.Host transaction(Session session, RoutingEngine router) {
        SessionFactory factory = session.factory;
        return new SessionTx.Host() {
            @Override public RoutingEngine router() { return router; }
            @Override public UnitOfWork uow() { return session.uow; }
            @Override public void bound(Connection c) { if (factory.tracker != null) factory.tracker.bind(c, session); }
            @Override public void unbound(Connection c) { if (factory.tracker != null) factory.tracker.unbind(c); }
            @Override public void flush() { session.flushes.run(); }
            @Override public void afterRollback() { for (SessionListener l : session.listeners) l.afterRollback(session); }
            @Override public void afterCommit() { for (SessionListener l : session.listeners) l.afterCommit(session); }
            @Override public void detachEverything() { session.uow.detachEverything(true); }
        };
    }
}
