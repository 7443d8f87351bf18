package org.athanor.core.engine;

import java.sql.SQLException;
import java.sql.Savepoint;
import org.athanor.core.dialect.Dialect;

/**
 * The transaction always open on one {@link Connection} (SQLAlchemy 2.0's autobegin): whether
 * anything ran in it (close() then rolls it back) and whether anything wrote; commit, rollback,
 * savepoints and the isolation level, each told to the engine's listeners as a transaction event.
 * The connection checks that it is open before calling any of these.
 */
final class ConnectionTransaction {
    private final Connection conn;
    private final Engine engine;
    private final java.sql.Connection jdbc;
    /** The dialect's {@link org.athanor.core.compile.DialectFeatures#beginOnFirstWrite()}, read once per checkout. */
    private final boolean beginOnFirstWrite;
    /** Something ran since the transaction began: close() rolls it back. */
    private boolean dirty;
    /** A write ran since the transaction began (see {@link #writing}). */
    private boolean wrote;

    ConnectionTransaction(Connection conn, Engine engine, java.sql.Connection jdbc, boolean beginOnFirstWrite) {
        this.conn = conn;
        this.engine = engine;
        this.jdbc = jdbc;
        this.beginOnFirstWrite = beginOnFirstWrite;
    }

    /** Whether anything ran since the transaction began (close() rolls it back). */
    boolean hasWork() { return dirty; }

    /** A read is about to run in the current transaction. */
    void reading() { dirty = true; }

    /**
     * A write is about to run. Where the dialect {@linkplain org.athanor.core.compile.DialectFeatures#beginOnFirstWrite()
     * asks for it} (SQLite), a transaction that has only read so far is ended first (rolled back:
     * there is nothing in it to keep), so that the write starts a new transaction on the latest
     * committed data. SQLite in WAL mode cannot turn a read snapshot into a write transaction once
     * another connection has committed after it (SQLITE_BUSY_SNAPSHOT, which no busy timeout
     * waits out); a transaction whose first statement writes waits for the write lock instead. Not
     * while a result of the connection is still open ({@code openResults}): ending the transaction
     * would abort its read (the write then upgrades the snapshot as before).
     */
    void writing(int openResults) {
        if (!wrote) {
            if (beginOnFirstWrite && dirty && openResults == 0) {
                // logged like any other transaction boundary: the reads' transaction ends, a new one begins
                engine.transaction(TransactionEvent.ROLLBACK, conn);
                try {
                    jdbc.rollback();
                } catch (SQLException e) {
                    throw conn.translate(e, "ROLLBACK (ending the read-only start of the transaction before its first write)");
                }
                engine.transaction(TransactionEvent.BEGIN, conn);
            }
            wrote = true;
        }
        dirty = true;
    }

    /**
     * The JDBC connection was handed out ({@code Connection.jdbc()}): what runs on it is unseen, so the
     * transaction counts as written from now on and its read-only start is never rolled back over it.
     */
    void wroteDirectly() {
        wrote = true;
        dirty = true;
    }

    void commit() {
        engine.transaction(TransactionEvent.COMMIT, conn);
        try {
            jdbc.commit();
            dirty = false;
            wrote = false;
        } catch (SQLException e) {
            throw conn.translate(e, "COMMIT");
        }
    }

    void rollback() {
        engine.transaction(TransactionEvent.ROLLBACK, conn);
        try {
            jdbc.rollback();
            dirty = false;
            wrote = false;
        } catch (SQLException e) {
            throw conn.translate(e, "ROLLBACK");
        }
    }

    NestedTransaction beginNested() {
        Dialect d = engine.dialect();
        if (!d.features().supportsSavepoints()) throw new org.athanor.core.error.NotSupportedError(
                d.name() + " does not support savepoints", null, null);
        try {
            writing(conn.openResults);
            engine.transaction(TransactionEvent.SAVEPOINT, conn);
            Savepoint sp = jdbc.setSavepoint();
            return new NestedTransaction(conn, sp);
        } catch (SQLException e) {
            throw conn.translate(e, "SAVEPOINT");
        }
    }

    /** Releases {@code sp}, or rolls back to it. */
    void savepoint(Savepoint sp, boolean release) {
        engine.transaction(release ? TransactionEvent.RELEASE_SAVEPOINT : TransactionEvent.ROLLBACK_TO_SAVEPOINT, conn);
        try {
            if (release) jdbc.releaseSavepoint(sp);
            else jdbc.rollback(sp);
        } catch (SQLException e) {
            throw conn.translate(e, release ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT");
        }
    }

    void setIsolationLevel(IsolationLevel level) {
        try {
            jdbc.setTransactionIsolation(level.jdbcLevel());
        } catch (SQLException e) {
            throw conn.translate(e, "SET TRANSACTION ISOLATION LEVEL " + level);
        }
    }

    IsolationLevel isolationLevel() {
        try {
            return IsolationLevel.fromJdbc(jdbc.getTransactionIsolation());
        } catch (SQLException e) {
            throw conn.translate(e, null);
        }
    }
}
