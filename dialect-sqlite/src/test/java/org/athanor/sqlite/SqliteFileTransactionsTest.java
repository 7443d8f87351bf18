package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.engine.Result;
import org.athanor.core.error.AthanorException;
import org.athanor.core.error.ResourceClosedError;
import org.athanor.core.schema.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite file databases in WAL mode: a transaction that read before another connection committed
 * can still write (the dialect's beginOnFirstWrite), and Engine.close() stops and releases a
 * connection still checked out.
 */
class SqliteFileTransactionsTest {
    @TempDir Path dir;

    private Engine fileEngine(String name) {
        Engine e = Engine.create("sqlite:///" + dir.resolve(name).toAbsolutePath() + "?busy_timeout=3000", EngineOptions.defaults().poolSize(3));
        MetaData.of(USERS).createAll(e);
        return e;
    }

    private static List<String> names(Connection c) {
        return c.execute(select(USERS.NAME).orderBy(USERS.NAME)).all().stream().map(t -> t._1).toList();
    }

    /** A reads, B inserts and commits, A inserts and commits: SQLITE_BUSY_SNAPSHOT before beginOnFirstWrite. */
    @Test
    void aTransactionThatReadBeforeAnotherCommittedCanStillWrite() {
        try (Engine e = fileEngine("snap.db")) {
            e.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "first")));
            try (Connection a = e.connect(); Connection b = e.connect()) {
                assertEquals(List.of("first"), names(a));
                b.execute(insert(USERS).set(USERS.NAME, "b"));
                b.commit();
                a.execute(insert(USERS).set(USERS.NAME, "a"));
                // the write began a transaction on the latest data: A now sees B's row, and its own
                assertEquals(List.of("a", "b", "first"), names(a));
                a.commit();
            }
            try (Connection c = e.connect()) {
                assertEquals(List.of("a", "b", "first"), names(c));
            }
        }
    }

    /** The same steps with the flag off fail: what the test above would see if the feature broke. */
    @Test
    void withoutBeginOnFirstWriteTheSameStepsFailWithBusySnapshot() {
        try (Engine base = fileEngine("nosnap.db");
             Engine e = Engine.of(base.dataSource(), base.dialect().withFeatures(
                     base.dialect().features().toBuilder().beginOnFirstWrite(false).build()))) {
            assertFalse(e.dialect().features().beginOnFirstWrite());
            try (Connection a = e.connect(); Connection b = e.connect()) {
                names(a);
                b.execute(insert(USERS).set(USERS.NAME, "b"));
                b.commit();
                AthanorException err = assertThrows(AthanorException.class, () -> a.execute(insert(USERS).set(USERS.NAME, "a")));
                assertTrue(err.getMessage().contains("SQLITE_BUSY"), err.getMessage());
            }
        }
    }

    /** Reading a result while writing row by row keeps working: the open read is not ended under it. */
    @Test
    void writingWhileAResultIsOpenKeepsTheResult() {
        try (Engine e = fileEngine("iter.db")) {
            e.inTransaction(c -> c.execute(insert(USERS).columns(USERS.NAME, USERS.AGE).values("x", 1).values("y", 2).values("z", 3)));
            try (Connection c = e.connect()) {
                int seen = 0;
                try (Result<io.vavr.Tuple2<Long, String>> r = c.execute(select(USERS.ID, USERS.NAME).orderBy(USERS.ID))) {
                    for (var row : r) {
                        c.execute(update(USERS).set(USERS.AGE, 10).where(USERS.ID.eq(row._1)));
                        seen++;
                    }
                }
                assertEquals(3, seen);
                c.commit();
                assertEquals(3L, c.scalar(select(count()).from(USERS).where(USERS.AGE.eq(10))));
            }
        }
    }

    /**
     * Engine.close() with a connection still checked out and holding SQLite's write lock: the
     * connection refuses further use and cannot commit, and the file is released at once (another
     * engine writes within its short busy timeout), without the uncommitted row.
     */
    @Test
    void engineCloseStopsAndReleasesACheckedOutConnection() {
        Path file = dir.resolve("close.db").toAbsolutePath();
        Engine e = fileEngine("close.db");
        Connection stale = e.connect();
        stale.execute(insert(USERS).set(USERS.NAME, "uncommitted"));
        java.sql.Connection jdbc = stale.jdbc();
        e.close();
        assertThrows(ResourceClosedError.class, () -> stale.execute(insert(USERS).set(USERS.NAME, "after close")));
        assertThrows(ResourceClosedError.class, stale::commit);
        assertThrows(java.sql.SQLException.class, () -> jdbc.unwrap(java.sql.Connection.class).createStatement(),
                "the physical connection is closed, not only the Athanor handle");
        try (Engine other = Engine.create("sqlite:///" + file + "?busy_timeout=500")) {
            other.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "other")));
            try (Connection c = other.connect()) {
                assertEquals(List.of("other"), names(c));
            }
        }
        stale.close();
    }
}
