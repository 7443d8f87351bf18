package org.athanor.orm.internal.uow;

import org.athanor.core.engine.Connection;
import org.athanor.core.routing.RoutingEngine;

/**
 * A session's transaction handling (the outside of SQLAlchemy's SessionTransaction; the levels and
 * what a rollback restores are {@link TransactionLevels}): the connection taken on first use (a
 * replica's until the transaction writes), the thread that owns the session meanwhile, the error of a
 * failed flush until {@code rollback()} acknowledges it, and commit, rollback, savepoints and
 * failed-flush recovery. The public methods and their documentation are the Session's; it reaches
 * this class through its {@link Host}. Moved out of Session unchanged.
 */
public final class SessionTx {

    /** What the transaction needs from its session. */
    public interface Host {
        RoutingEngine router();

        UnitOfWork uow();

        /** A connection was taken (the statement report counts on it) / is given up. */
        void bound(Connection c);

        void unbound(Connection c);

        /** Flushes (the session's internal flush: its failure already handled by {@link #flushFailed}). */
        void flush();

        /** Tells the session listeners. */
        void afterRollback();

        void afterCommit();

        /** Removes every object from the session (closing). */
        void detachEverything();
    }

    private final Host host;
    private final boolean expireOnCommit;

    private Connection connection;
    /**
     * Whether this transaction runs on the primary: it has written (a flush with changes, DML, a
     * locking query, a savepoint) or {@code readFromPrimary()} asked. Until then reads may use a
     * replica; reset when the transaction ends.
     */
    private boolean onPrimary;
    private volatile Thread owner;
    private boolean closed;
    /** The error of a flush that failed outside a savepoint, until rollback() acknowledges it. */
    private RuntimeException failure;

    public SessionTx(Host host, boolean expireOnCommit) {
        this.host = host;
        this.expireOnCommit = expireOnCommit;
    }

    // ---- guards --------------------------------------------------------------------------------------

    /** Checked on entry to every public method: open, this thread's, and not waiting for rollback(). */
    public void enter() {
        enterAllowFailed();
        if (failure != null)
            throw new IllegalStateException("this session's transaction was rolled back because a flush failed ("
                    + failure.getMessage() + "); call rollback() before using the session again", failure);
    }

    public void enterAllowFailed() {
        if (closed) throw new IllegalStateException("this session is closed; open a new one with SessionFactory.openSession()");
        Thread t = Thread.currentThread();
        Thread o = owner;
        if (o == null) owner = t;
        else if (o != t)
            throw new IllegalStateException("session used from thread '" + t.getName() + "' while thread '" + o.getName()
                    + "' is using it; a Session is for one thread at a time (give each thread its own, or hand it over"
                    + " after commit/rollback)");
    }

    public boolean isClosed() { return closed; }

    // ---- the connection ------------------------------------------------------------------------------

    /**
     * The session's connection for reads, taken on first use in a transaction: from a replica of the
     * factory's router until the transaction writes (the engine itself when there are no replicas).
     */
    public Connection connection() {
        if (connection == null) {
            Connection c = onPrimary ? host.router().connect() : host.router().connectForRead();
            host.bound(c);
            connection = c;
        }
        return connection;
    }

    /** Forgets the connection (the caller closes it): the statement report no longer counts on it. */
    private Connection dropConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) host.unbound(c);
        return c;
    }

    /**
     * The session's connection for writes: the primary's. A transaction that only read from a replica
     * so far moves to the primary here (the replica connection held no writes and is released), and
     * stays there until it ends. Over a plain Engine the read connection is the primary's already.
     */
    public Connection writeConnection() {
        usePrimary();
        return connection();
    }

    public void usePrimary() {
        if (onPrimary) return;
        onPrimary = true;
        if (connection != null && connection.engine() != host.router().primary()) {
            Connection read = dropConnection();
            read.close();
        }
    }

    /** Whether this transaction is on the primary (it wrote, or readFromPrimary() asked). */
    public boolean isOnPrimary() {
        return onPrimary || connection != null && connection.engine() == host.router().primary();
    }

    public boolean inTransaction() { return connection != null; }

    // ---- failed flushes ------------------------------------------------------------------------------

    /**
     * Whatever stopped a flush (the database's error, a stale version, a changed key), some of its
     * statements may have run: the work is undone in the database and in the session.
     */
    public void flushFailed(RuntimeException e) {
        if (host.uow().tx.savepoints() > 0) failedInSavepoint(e);
        else failed(e);
    }

    /**
     * A flush that failed inside a savepoint rolls back to it (see {@code SessionSavepoint.rollback()}):
     * the outer transaction goes on. Only when the savepoint cannot be rolled back (a lost connection)
     * is the whole transaction rolled back, as outside a savepoint.
     */
    private void failedInSavepoint(RuntimeException e) {
        TxLevel l = host.uow().level();
        try {
            l.savepoint.rollback();
        } catch (RuntimeException lost) {
            e.addSuppressed(lost);
            failed(e);
            return;
        }
        host.uow().tx.rolledBack(l);
    }

    /**
     * A failed flush: roll the transaction back and discard its work in the session at once (as
     * rollback() does); the session refuses other calls until rollback() acknowledges it.
     */
    private void failed(RuntimeException e) {
        boolean rolledBack = rollbackDatabase();
        host.uow().tx.restoreAll();
        failure = e;
        if (rolledBack) {
            try {
                host.afterRollback();
            } catch (RuntimeException | Error l) {
                e.addSuppressed(l);
            }
        }
    }

    // ---- commit, rollback, savepoints ------------------------------------------------------------------

    /** Flushes, commits, and ends the transaction (expiring persistent objects when expireOnCommit is on). */
    public void commit() {
        enter();
        UnitOfWork uow = host.uow();
        if (uow.tx.savepoints() > 0)
            throw new IllegalStateException("commit() with " + uow.tx.savepoints() + " savepoint(s) open; commit or roll back"
                    + " the savepoint from beginNested() first");
        host.flush();
        if (connection != null) {
            try {
                connection.commit();
            } catch (RuntimeException e) {
                rollbackDatabase();
                uow.tx.restoreAll();
                try {
                    host.afterRollback();
                } catch (RuntimeException | Error l) {
                    e.addSuppressed(l);
                }
                releaseOwner();
                throw e;
            }
            dropConnection().close();
        }
        onPrimary = false;
        uow.tx.committed(expireOnCommit);
        try {
            host.afterCommit();
        } finally {
            releaseOwner();
        }
    }

    /** Rolls the transaction back and puts the session in step with the database again; also the way out after a failed flush. */
    public void rollback() {
        enterAllowFailed();
        boolean rolledBack = false;
        if (failure == null) {
            rolledBack = rollbackDatabase();
            host.uow().tx.restoreAll();
        }
        failure = null;
        try {
            if (rolledBack) host.afterRollback();
        } finally {
            releaseOwner();
        }
    }

    /** Checks that a transaction block may begin: the session is not in a transaction already. */
    public void checkCanBegin() {
        enter();
        if (inTransaction() || host.uow().tx.savepoints() > 0)
            throw new IllegalStateException("begin(): this session is already in a transaction (begun by an earlier call that"
                    + " used the database); commit() or rollback() it first");
    }

    /** Flushes, then opens a savepoint: its level. */
    public TxLevel beginNested() {
        enter();
        host.flush();
        return host.uow().tx.open(writeConnection().beginNested());
    }

    public void releaseSavepoint(TxLevel l) {
        enter();
        host.uow().tx.requireInnermost(l);
        host.flush();
        l.savepoint.commit();
        host.uow().tx.released(l);
    }

    public void rollbackSavepoint(TxLevel l) {
        enter();
        host.uow().tx.requireInnermost(l);
        try {
            l.savepoint.rollback();
        } catch (RuntimeException e) {
            rollbackDatabase();
            host.uow().tx.restoreAll();
            try {
                host.afterRollback();
            } catch (RuntimeException | Error le) {
                e.addSuppressed(le);
            }
            throw e;
        }
        host.uow().tx.rolledBack(l);
    }

    /**
     * Rolls back and releases the connection; a broken connection is only released. False when the
     * session had no database transaction.
     */
    private boolean rollbackDatabase() {
        Connection c = dropConnection();
        onPrimary = false;
        if (c == null) return false;
        try {
            c.rollback();
        } catch (RuntimeException ignored) {
            // the connection is lost or broken: the database discards the transaction either way
        } finally {
            c.close();
        }
        return true;
    }

    private void releaseOwner() { owner = null; }

    /**
     * Rolls back anything uncommitted (objects inserted by it are transient again, their generated ids
     * cleared), returns the connection, detaches every object. Idempotent.
     */
    public void close() {
        if (closed) return;
        Thread o = owner;
        if (o != null && o != Thread.currentThread())
            throw new IllegalStateException("session closed from thread '" + Thread.currentThread().getName() + "' while thread '"
                    + o.getName() + "' is using it; a Session is for one thread at a time");
        boolean inTransaction = connection != null;
        rollbackDatabase();
        // the rolled-back transaction's inserts leave no ids behind on the objects (they are transient,
        // not detached, afterwards); a session without a transaction has nothing to undo
        if (inTransaction) host.uow().tx.discardAll();
        try {
            if (inTransaction) host.afterRollback();
        } finally {
            host.detachEverything();
            closed = true;
            owner = null;
        }
    }
}
