package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import java.util.Iterator;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.Result;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Result whose connection (or engine) closes while it is being read, at each point of the
 * iterator protocol: between rows, and between {@code hasNext()} and {@code next()} of one row.
 * Result checks the connection once per row, before moving the cursor; these pin that no row is
 * handed out after the close (SQLite's driver reports a closed cursor as "no more rows",
 * PostgreSQL's keeps serving what it buffered) and that the refusal is a ResourceClosedError, not
 * the driver's error about its closed cursor. ({@link LifecycleSuite} covers a result not started.)
 */
public abstract class ResultCursorSuite extends ComplianceSuite {
    private LifecycleSuite.Things t;

    @BeforeEach
    void createTable() {
        t = new LifecycleSuite.Things(TestDatabases.uniqueName("rc"));
        create(t);
        commit(c -> c.execute(insert(t).columns(t.ID, t.NAME).values(1L, "one").values(2L, "two").values(3L, "three")));
    }

    @Test
    void aRowAnnouncedByHasNextIsNotHandedOutAfterTheConnectionCloses() {
        Connection c = engine().connect();
        Result<Tuple1<String>> r = c.execute(select(t.NAME).orderBy(t.ID));
        Iterator<Tuple1<String>> it = r.iterator();
        assertEquals("one", it.next()._1);
        assertTrue(it.hasNext());
        c.close();
        LifecycleSuite.refused(it::next, "next() after hasNext() when the connection closed in between");
        LifecycleSuite.refused(it::hasNext, "hasNext() after the connection closed");
        r.close();
    }

    @Test
    void aResultMidReadRefusesItsNextRowOnceItsEngineIsClosed() {
        Engine other = newEngine();
        Connection c = other.connect();
        Result<Tuple1<Integer>> r = c.execute(select(literal(1)).union(select(literal(2))).union(select(literal(3))));
        Iterator<Tuple1<Integer>> it = r.iterator();
        assertNotNull(it.next());
        other.close();
        LifecycleSuite.refused(it::hasNext, "hasNext() after Engine.close()");
        LifecycleSuite.refused(it::next, "next() after Engine.close()");
        c.close();
    }

    @Test
    void aResultOfAnOpenConnectionReadsEveryRowThenStaysAtTheEnd() {
        try (Connection c = engine().connect()) {
            Result<Tuple1<String>> r = c.execute(select(t.NAME).orderBy(t.ID));
            Iterator<Tuple1<String>> it = r.iterator();
            assertEquals("one", it.next()._1);
            int n = 1;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            assertEquals(3, n);
            assertFalse(it.hasNext(), "the end stays the end");
        }
    }
}
