package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.Result;
import org.athanor.core.error.IntegrityError;
import org.junit.jupiter.api.Test;

/**
 * A kept statement keeps its entry while a checkout runs it or reads its result (no entry is made per execution), so
 * the entry must go with a statement that is closed instead of given back: one that failed, or whose result was left
 * open at the end of its checkout. Otherwise the entry, still marked lent, would hold a closed statement for good.
 */
class KeptStatementEntriesTest {
    @Test
    void aStatementThatFailedIsNoLongerKept() {
        try (Engine engine = StatementReuseTest.engineWithUsers(); Connection c = engine.connect()) {
            c.execute(update(USERS).set(USERS.EMAIL, "a@x").where(USERS.AGE.eq(1)));
            int kept = engine.keptStatements();
            assertThrows(IntegrityError.class, () -> c.execute(update(USERS).set(USERS.EMAIL, "a@x").where(USERS.AGE.eq(2))));
            assertEquals(kept - 1, engine.keptStatements(), "the failed UPDATE's statement was closed: its entry went with it");
            assertEquals(1, c.execute(update(USERS).set(USERS.EMAIL, "b@x").where(USERS.AGE.eq(2))));
            assertEquals(kept, engine.keptStatements(), "prepared again, and kept");
        }
    }

    @Test
    void aResultLeftOpenAtTheEndOfItsCheckoutTakesItsEntryAlong() {
        try (Engine engine = StatementReuseTest.engineWithUsers()) {
            try (Connection c = engine.connect()) {
                assertEquals("u1", c.execute(select(USERS.NAME).where(USERS.AGE.eq(1))).one()._1);
            }
            int kept = engine.keptStatements();
            try (Connection c = engine.connect()) {
                Result<?> open = c.execute(select(USERS.NAME).where(USERS.AGE.eq(2)));
                assertNotNull(open.iterator().next());
                // left open: the checkout's end closes its statement
            }
            assertEquals(kept - 1, engine.keptStatements(), "the statement closed with the checkout is no longer kept");
            try (Connection c = engine.connect()) {
                assertEquals("u3", c.execute(select(USERS.NAME).where(USERS.AGE.eq(3))).one()._1, "prepared again");
            }
            assertEquals(kept, engine.keptStatements());
        }
    }
}
