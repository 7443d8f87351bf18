package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.IsolationLevel;
import org.athanor.core.engine.NestedTransaction;
import org.athanor.core.engine.Result;
import org.athanor.core.engine.RowsInsert;
import org.athanor.core.error.NoResultException;
import org.athanor.core.error.ResourceClosedError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Insert;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What happens to handles after their end: a closed Connection (whose pooled JDBC connection may be
 * serving another one by now), its Results and savepoints, the Connections of a closed Engine, a
 * Result read twice; and the typed entry points that replaced ambiguous ones ({@code inTransaction} /
 * {@code fromTransaction}, {@code scalar}).
 */
public abstract class LifecycleSuite extends ComplianceSuite {
    static final class Things extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> NAME = column("name", varchar(20));
        Things(String name) { super(name); }
    }

    private Things t;

    @BeforeEach
    void createTable() {
        t = new Things(TestDatabases.uniqueName("lc"));
        create(t);
        commit(c -> c.execute(insert(t).columns(t.ID, t.NAME).values(1L, "one").values(2L, "two")));
    }

    private long rows(Connection c) { return c.scalar(select(count()).from(t)); }

    static void refused(Executable use, String what) {
        ResourceClosedError e = assertThrows(ResourceClosedError.class, use, what + " must be refused");
        assertTrue(e.getMessage().contains("closed"), what + ": " + e.getMessage());
    }

    @Test
    void aClosedConnectionRefusesEveryUseEvenWhenItsJdbcConnectionServesAnotherOne() {
        Connection stale = engine().connect();
        stale.close();
        assertTrue(stale.isClosed());
        // in-memory SQLite has one connection: fresh now holds exactly the JDBC connection stale had
        try (Connection fresh = engine().connect()) {
            Insert ins = insert(t).set(t.ID, 3L).set(t.NAME, "stale");
            refused(() -> stale.execute(ins), "execute(insert)");
            refused(() -> stale.execute(select(t.NAME)), "execute(select)");
            refused(() -> stale.stream(select(t.NAME)), "stream");
            refused(() -> stale.scalar(select(count()).from(t)), "scalar");
            refused(() -> stale.executeStatement(ins), "executeStatement");
            refused(() -> stale.executeSql("DELETE FROM " + t.name()), "executeSql");
            refused(() -> stale.insertReturningKeys(ins, t.ID), "insertReturningKeys");
            refused(() -> stale.executeMany(insert(t).set(t.ID, bindParam("id", BIGINT)), List.of(Map.of("id", 4L))), "executeMany");
            refused(() -> stale.insertMany(insert(t), List.of(Map.of(t.ID, 5L))), "insertMany");
            refused(() -> stale.insertRows(insert(t), new Column<?>[] {t.ID}, List.<Object[]>of(new Object[] {6L})), "insertRows");
            refused(stale::commit, "commit");
            refused(stale::rollback, "rollback");
            refused(stale::beginNested, "beginNested");
            refused(stale::jdbc, "jdbc");
            refused(stale::inspect, "inspect");
            refused(stale::isolationLevel, "isolationLevel");
            stale.close(); // closing again is allowed and does nothing
            assertEquals(2L, rows(fresh), "nothing the stale connection was asked to do ran on the fresh one");
            fresh.execute(insert(t).set(t.ID, 7L).set(t.NAME, "fresh"));
            fresh.commit();
            assertEquals(3L, rows(fresh));
        }
    }

    @Test
    void aResultAndASavepointOfAClosedConnectionRefuseUse() {
        Connection c = engine().connect();
        Result<Tuple1<String>> r = c.execute(select(t.NAME).orderBy(t.ID));
        Iterator<Tuple1<String>> it = r.iterator();
        assertEquals("one", it.next()._1);
        NestedTransaction sp = features().supportsSavepoints() ? c.beginNested() : null;
        c.close();
        refused(it::hasNext, "iterating a result of a closed connection");
        refused(it::next, "iterating a result of a closed connection");
        r.close();
        if (sp != null) {
            refused(sp::commit, "committing a savepoint of a closed connection");
            refused(sp::rollback, "rolling back a savepoint of a closed connection");
            sp.close(); // allowed: nothing to do
        }
    }

    /**
     * Handles taken from a connection before it closed — a planned bulk insert, an inspector — and
     * the entry points the test above does not name (timed execute, named parameters, the isolation
     * setter, reflection) refuse use too: each would otherwise reach the pooled connection that now
     * serves another checkout.
     */
    @Test
    void handlesTakenBeforeCloseAndTheRemainingEntryPointsRefuseUse() {
        Connection stale = engine().connect();
        RowsInsert planned = stale.rowsInsert(insert(t), new Column<?>[] {t.ID, t.NAME}, null);
        org.athanor.core.inspect.Inspector inspector = stale.inspect();
        stale.close();
        try (Connection fresh = engine().connect()) {
            refused(() -> planned.rows(List.<Object[]>of(new Object[] {8L, "planned"})), "a RowsInsert planned before close");
            refused(() -> inspector.tableNames(null), "an Inspector taken before close");
            refused(() -> stale.execute(select(t.NAME), java.time.Duration.ofSeconds(5)), "execute(query, timeout)");
            refused(() -> stale.execute(insert(t).set(t.ID, 9L).set(t.NAME, "x"), java.time.Duration.ofSeconds(5)), "execute(dml, timeout)");
            refused(() -> stale.execute(select(t.NAME).where(t.ID.eq(bindParam("id", BIGINT))), Map.of("id", 1L)), "execute(query, parameters)");
            refused(() -> stale.setIsolationLevel(IsolationLevel.SERIALIZABLE), "setIsolationLevel");
            refused(() -> stale.reflect(null, List.of(t.name())), "reflect");
            refused(stale::dialect, "dialect");
            assertEquals(2L, rows(fresh), "nothing the stale handles were asked to do ran on the fresh connection");
        }
    }

    @Test
    void aClosedEngineMakesItsOutstandingConnectionsUnusable() {
        Engine other = newEngine();
        Connection c = other.connect();
        Result<Tuple1<Integer>> open = c.execute(select(literal(1)).union(select(literal(2))));
        assertEquals(1, c.scalar(select(literal(1))));
        other.close();
        assertTrue(other.isClosed());
        assertTrue(c.isClosed(), "a connection of a closed engine reports itself closed");
        ResourceClosedError e = assertThrows(ResourceClosedError.class, () -> c.execute(select(literal(1))));
        assertTrue(e.getMessage().contains("Engine"), e.getMessage());
        refused(c::commit, "commit after Engine.close()");
        refused(() -> open.all(), "reading a result after Engine.close()");
        refused(other::connect, "connect() after Engine.close()");
        c.close(); // allowed
    }

    private long countRows(Things x) {
        try (Connection c = engine().connect()) {
            return c.scalar(select(count()).from(x));
        }
    }

    /**
     * Engine.close() while four threads keep inserting and committing: every thread stops within a
     * few seconds with a ResourceClosedError (checkout or use after close) or a DatabaseError (its
     * statement's connection closed under it) — nothing else, no hang. On a server the rows are then
     * counted through the suite's own engine once the count has settled (a COMMIT sent before the
     * close can finish on the server after it): every acknowledged commit is there, and at most one
     * in-flight commit per thread beyond them.
     */
    @Test
    void closingAnEngineUnderLoadStopsEveryWriterAndLosesNoAcknowledgedCommit() throws Exception {
        Engine other = newEngine();
        Things x = new Things(TestDatabases.uniqueName("ld"));
        org.athanor.core.schema.MetaData md = org.athanor.core.schema.MetaData.of(x);
        md.createAll(other);
        java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong acknowledged = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> endings = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(4);
        List<Thread> writers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread w = new Thread(() -> {
                started.countDown();
                while (true) {
                    try (Connection c = other.connect()) {
                        c.execute(insert(x).set(x.ID, ids.incrementAndGet()).set(x.NAME, "w"));
                        c.commit();
                        acknowledged.incrementAndGet();
                    } catch (Throwable e) {
                        endings.add(e);
                        return;
                    }
                }
            }, "lifecycle-writer-" + i);
            writers.add(w);
            w.start();
        }
        try {
            started.await();
            Thread.sleep(300);
            assertTrue(acknowledged.get() > 0, "the writers were committing before the close");
        } finally {
            other.close();
        }
        long atClose = acknowledged.get();
        for (Thread w : writers) {
            w.join(20_000);
            assertFalse(w.isAlive(), () -> w.getName() + " still runs 20 s after Engine.close(), at:\n  "
                    + java.util.Arrays.stream(w.getStackTrace()).map(String::valueOf).collect(java.util.stream.Collectors.joining("\n  ")));
        }
        assertEquals(4, endings.size());
        for (Throwable e : endings)
            assertTrue(e instanceof ResourceClosedError || e instanceof org.athanor.core.error.DatabaseError,
                    "a writer ended with " + e);
        assertTrue(acknowledged.get() - atClose <= 4, "at most the commits in flight at close() were acknowledged after it");
        // a server (or a file) is one database for both engines; in-memory SQLite gives each engine its own
        if (engine().inspect().hasTable(x.name())) {
            try {
                // a COMMIT the client sent before close() cut its socket can still be finishing on the
                // server (under load, behind a WAL flush): wait until the count stops changing, which it
                // must within seconds now that every writer thread has ended
                long rows = countRows(x), deadline = System.nanoTime() + 10_000_000_000L;
                while (true) {
                    Thread.sleep(300);
                    long again = countRows(x);
                    if (again == rows) break;
                    assertTrue(System.nanoTime() < deadline, "rows still being written 10 s after the writers stopped: " + rows + " then " + again);
                    rows = again;
                }
                long settled = rows;
                assertTrue(settled >= acknowledged.get() && settled <= acknowledged.get() + 4,
                        settled + " rows for " + acknowledged.get() + " acknowledged commits (at most the 4 in flight at close() may be there unacknowledged)");
            } finally {
                md.dropAll(engine());
            }
        }
    }

    @Test
    void aResultIsReadOnce() {
        try (Connection c = engine().connect()) {
            Result<Tuple1<String>> r = c.execute(select(t.NAME).orderBy(t.ID));
            assertEquals(2, r.all().size());
            ResourceClosedError twice = assertThrows(ResourceClosedError.class, r::all);
            assertTrue(twice.getMessage().contains("already consumed or closed"), twice.getMessage());
            assertTrue(twice.getMessage().contains(t.name()), "names the statement: " + twice.getMessage());
            refused(r::first, "first() after all()");
            refused(r::scalar, "scalar() after all()");
            refused(r::iterator, "iterator() after all()");
            refused(r::stream, "stream() after all()");
            r.close(); // closing again is fine

            Result<Tuple1<String>> closed = c.execute(select(t.NAME).where(t.ID.eq(1L)));
            closed.close();
            // not "found no row": the row is there, the result was closed
            Throwable e = assertThrows(ResourceClosedError.class, closed::one);
            assertFalse(e instanceof NoResultException);
            refused(closed::oneOrNull, "oneOrNull() after close()");

            Result<Tuple1<String>> iterated = c.execute(select(t.NAME));
            int n = 0;
            for (Tuple1<String> ignored : iterated) n++;
            assertEquals(2, n);
            refused(iterated::all, "all() after iterating to the end");
        }
    }

    @Test
    void transactionBlocksTakeExpressionAndBlockLambdasOfBothKinds() {
        // each of these four failed to compile while both were called transaction(...)
        engine().inTransaction(c -> c.execute(insert(t).set(t.ID, 10L).set(t.NAME, "expr")));
        engine().inTransaction(c -> {
            c.execute(insert(t).set(t.ID, 11L).set(t.NAME, "block"));
        });
        long n = engine().fromTransaction(c -> c.scalar(select(count()).from(t)));
        String name = engine().fromTransaction(c -> {
            return c.execute(select(t.NAME).where(t.ID.eq(11L))).one()._1;
        });
        assertEquals(4L, n);
        assertEquals("block", name);
        // work that throws rolls back
        assertThrows(IllegalArgumentException.class, () -> engine().inTransaction(c -> {
            c.execute(insert(t).set(t.ID, 12L).set(t.NAME, "lost"));
            throw new IllegalArgumentException("boom");
        }));
        long after = engine().fromTransaction(c -> c.scalar(select(count()).from(t)));
        assertEquals(4L, after);
    }

    @Test
    void scalarIsTypedFromTheSelectAndConvertsOnRequest() {
        try (Connection c = engine().connect()) {
            Long typed = c.scalar(select(count()).from(t)); // Integer typed = ... does not compile
            assertEquals(2L, typed);
            Object raw = c.execute(select(count()).from(t)).scalar();
            assertEquals(Long.class, raw.getClass(), "count() reads as Long on every database");
            // String.valueOf(x) and println(x) were ambiguous while scalar() returned <T> T
            assertEquals("2", String.valueOf(c.execute(select(count()).from(t)).scalar()));
            Integer asInt = c.execute(select(count()).from(t)).scalar(Integer.class);
            assertEquals(2, asInt);
            assertEquals(2, (int) c.execute(select(count()).from(t)).scalar(int.class));
            assertEquals(new BigDecimal("2"), c.execute(select(count()).from(t)).scalar(BigDecimal.class));
            assertEquals(2.0, c.execute(select(count()).from(t)).scalar(Double.class));
            assertEquals("one", c.execute(select(t.NAME).where(t.ID.eq(1L))).scalar(String.class));
            assertNull(c.execute(select(t.NAME).where(t.ID.eq(99L))).scalar(String.class));

            ClassCastException overflow = assertThrows(ClassCastException.class,
                    () -> c.execute(select(literal(Long.MAX_VALUE))).scalar(Integer.class));
            assertTrue(overflow.getMessage().contains("java.lang.Long") && overflow.getMessage().contains("java.lang.Integer"),
                    overflow.getMessage());
            ClassCastException wrong = assertThrows(ClassCastException.class,
                    () -> c.execute(select(t.NAME).where(t.ID.eq(1L))).scalar(Long.class));
            assertTrue(wrong.getMessage().contains("java.lang.String") && wrong.getMessage().contains("java.lang.Long"),
                    wrong.getMessage());
            assertThrows(NullPointerException.class, () -> c.execute(select(t.ID).where(t.ID.eq(99L))).scalar(long.class));
        }
    }
}
