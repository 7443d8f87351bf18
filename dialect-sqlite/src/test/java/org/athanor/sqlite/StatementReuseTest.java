package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.Iterator;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.Result;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.MetaData;
import org.junit.jupiter.api.Test;

/**
 * A Connection reuses prepared statements; with the engine's own pool they are kept per physical
 * connection across checkouts. Results must never interfere, and nothing kept may hold a lock or
 * uncommitted work past its checkout.
 */
class StatementReuseTest {
    /** An in-memory SQLite engine with USERS holding u1..u5 (ages 1..5). */
    static Engine engineWithUsers() {
        Engine engine = Engine.create("sqlite://");
        MetaData.of(USERS).createAll(engine);
        engine.inTransaction(c -> {
            for (int i = 1; i <= 5; i++) c.execute(insert(USERS).set(USERS.NAME, "u" + i).set(USERS.AGE, i));
        });
        return engine;
    }

    @Test
    void twoOpenResultsOfTheSameShapeReadTheirOwnRows() {
        try (Engine engine = engineWithUsers(); Connection c = engine.connect()) {
            try (Result<Tuple1<String>> a = c.execute(select(USERS.NAME).where(USERS.AGE.le(2)).orderBy(USERS.AGE));
                 Result<Tuple1<String>> b = c.execute(select(USERS.NAME).where(USERS.AGE.le(5)).orderBy(USERS.AGE))) {
                Iterator<Tuple1<String>> ia = a.iterator();
                Iterator<Tuple1<String>> ib = b.iterator();
                assertEquals("u1", ia.next()._1);
                assertEquals("u1", ib.next()._1);
                assertEquals("u2", ia.next()._1);
                assertEquals("u2", ib.next()._1);
                assertFalse(ia.hasNext());
                assertEquals("u3", ib.next()._1);
            }
        }
    }

    @Test
    void aRepeatedShapeReadsTheNewValuesAfterTheFirstResultIsClosed() {
        try (Engine engine = engineWithUsers(); Connection c = engine.connect()) {
            for (int age = 1; age <= 5; age++) {
                Tuple2<String, Integer> row = c.execute(select(USERS.NAME, USERS.AGE).where(USERS.AGE.eq(age))).one();
                assertEquals(new Tuple2<>("u" + age, age), row);
            }
            Result<Tuple1<String>> r = c.execute(select(USERS.NAME).where(USERS.AGE.eq(3)));
            r.close();
            r.close(); // a second close must not hand the statement back twice
            assertEquals("u4", c.execute(select(USERS.NAME).where(USERS.AGE.eq(4))).one()._1);
            assertEquals("u5", c.execute(select(USERS.NAME).where(USERS.AGE.eq(5))).one()._1);
        }
    }

    @Test
    void aFailedDmlLeavesTheConnectionUsableForTheSameShape() {
        try (Engine engine = engineWithUsers(); Connection c = engine.connect()) {
            c.execute(update(USERS).set(USERS.EMAIL, "a@x").where(USERS.AGE.eq(1)));
            assertThrows(IntegrityError.class, () -> c.execute(update(USERS).set(USERS.EMAIL, "a@x").where(USERS.AGE.eq(2))));
            assertEquals(1, c.execute(update(USERS).set(USERS.EMAIL, "b@x").where(USERS.AGE.eq(2))));
            assertEquals(List.of(new Tuple1<>("b@x")), c.execute(select(USERS.EMAIL).where(USERS.AGE.eq(2))).all());
        }
    }

    @Test
    void statementsKeptOpenDoNotOutliveTheCheckoutOrBlockDdl() {
        try (Engine engine = engineWithUsers()) {
            try (Connection c = engine.connect()) {
                assertEquals(5, c.execute(select(USERS.ID)).all().size());
                c.executeSql("DROP TABLE users");
                c.executeSql("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, age INTEGER, email VARCHAR(100))");
                assertEquals(0, c.execute(select(USERS.ID)).all().size());
                c.commit();
            }
            try (Connection c = engine.connect()) {
                assertEquals(0, c.execute(select(USERS.ID)).all().size());
            }
        }
    }

    private static Engine fileEngineWithUsers(java.nio.file.Path dir) {
        Engine engine = Engine.create("sqlite:///" + dir.resolve("reuse.db"));
        MetaData.of(USERS).createAll(engine);
        engine.inTransaction(c -> {
            for (int i = 1; i <= 5; i++) c.execute(insert(USERS).set(USERS.NAME, "u" + i).set(USERS.AGE, i));
        });
        return engine;
    }

    @Test
    void statementsAreKeptAcrossCheckoutsAndReusedByTheSameSql() {
        try (Engine engine = engineWithUsers()) {
            try (Connection c = engine.connect()) {
                assertEquals("u3", c.execute(select(USERS.NAME).where(USERS.AGE.eq(3))).one()._1);
            }
            int kept = engine.keptStatements();
            assertTrue(kept > 0, "the SELECT's statement outlives its checkout");
            for (int age = 1; age <= 5; age++)
                try (Connection c = engine.connect()) {
                    assertEquals("u" + age, c.execute(select(USERS.NAME).where(USERS.AGE.eq(age))).one()._1,
                            "a kept statement binds the new value");
                }
            assertEquals(kept, engine.keptStatements(), "the same SQL reuses the kept statement instead of preparing another");
        }
    }

    @Test
    void aKeptStatementLetsGoOfTheValuesBoundLastWhenItsCheckoutEnds() throws InterruptedException {
        try (Engine engine = engineWithUsers()) {
            // compiled (and cached) with a small value first, so only the statement could hold the large one
            try (Connection c = engine.connect()) {
                assertEquals(0, c.execute(select(USERS.ID).where(USERS.NAME.eq("nobody"))).all().size());
            }
            java.lang.ref.WeakReference<String> last = queryWithALargeValue(engine);
            assertTrue(engine.keptStatements() > 0, "the statement outlives its checkout");
            for (int i = 0; i < 100 && last.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertTrue(last.get() == null, "the kept statement no longer references the value bound in the ended checkout");
            try (Connection c = engine.connect()) {
                assertEquals("u2", c.execute(select(USERS.NAME).where(USERS.NAME.eq("u2"))).one()._1, "and binds anew when reused");
            }
        }
    }

    /** Runs a query binding a large string in one checkout; no frame of the caller holds the string. */
    private static java.lang.ref.WeakReference<String> queryWithALargeValue(Engine engine) {
        String large = "x".repeat(1 << 20);
        try (Connection c = engine.connect()) {
            for (int i = 0; i < 3; i++) // executed again and again in one checkout: kept bound meanwhile
                assertEquals(0, c.execute(select(USERS.ID).where(USERS.NAME.eq(large))).all().size());
        }
        return new java.lang.ref.WeakReference<>(large);
    }

    @Test
    void workThroughKeptStatementsIsRolledBackWhenTheCheckoutEndsUncommitted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Engine engine = fileEngineWithUsers(dir)) {
            for (int round = 0; round < 3; round++) // the first round prepares, the later ones reuse
                try (Connection c = engine.connect()) {
                    c.execute(insert(USERS).set(USERS.NAME, "temp").set(USERS.AGE, 99));
                    assertEquals(1, c.execute(select(USERS.ID).where(USERS.AGE.eq(99))).all().size());
                } // closed without commit
            try (Connection c = engine.connect()) {
                assertEquals(0, c.execute(select(USERS.ID).where(USERS.AGE.eq(99))).all().size(), "nothing uncommitted survives");
            }
        }
    }

    @Test
    void aResultLeftOpenIsClosedWithItsCheckoutAndHoldsNoLock(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Engine engine = fileEngineWithUsers(dir)) {
            Result<Tuple1<String>> abandoned;
            try (Connection c = engine.connect()) {
                abandoned = c.execute(select(USERS.NAME).orderBy(USERS.AGE));
                assertEquals("u1", abandoned.iterator().next()._1); // a read in progress
            }
            // a reader stuck mid-read would keep the WAL from being checkpointed to its end
            try (Connection c = engine.connect()) {
                c.execute(insert(USERS).set(USERS.NAME, "u6").set(USERS.AGE, 6));
                c.commit();
            }
            try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("reuse.db"));
                 java.sql.Statement st = raw.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "the checkpoint was not blocked by a kept statement");
            } catch (java.sql.SQLException e) {
                fail(e);
            }
            try (Connection c = engine.connect()) {
                assertEquals(6, c.execute(select(USERS.NAME).orderBy(USERS.AGE)).all().size(), "the same SQL runs again from the start");
            }
            abandoned.close(); // long after its connection: harmless
        }
    }
}
