package org.athanor.core.internal.compile;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.SqlNode;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyCollector#reset} empties the maps a walk filled (anonymous aliases, expanding IN lists and where their
 * parameters start, declared names) and leaves the ones it did not use alone: a reused walk of another statement with
 * the same kinds of nodes gives what a fresh walk gives.
 */
class KeyWalkResetMapsTest {
    private static SqlNode aliased() {
        Table a = USERS.anonymous(), b = USERS.anonymous();
        return select(a.column("name", String.class), b.column("name", String.class))
                .from(a).join(b, a.column("id", Long.class).eq(b.column("id", Long.class)));
    }

    @Test
    void anonymousAliasesOfAnotherStatementAreNumberedAfresh() {
        KeyCollector walk = new KeyCollector();
        aliased().key(walk);
        walk.reset();
        aliased().key(walk); // other anonymous tables: numbered 1 and 2 again
        assertEquals(KeyCollector.of(aliased()).storedKey(), walk.storedKey());
    }

    @Test
    void expandingListsAndDeclaredNamesOfTheLastStatementAreGone() {
        KeyCollector walk = new KeyCollector();
        var in = USERS.ID.in(bindParam("ids", BIGINT));
        var first = select(USERS.NAME).from(USERS.as("anon_9")).where(USERS.AGE.gt(1), in); // the IN's parameters start at 1
        walk.named(Map.of("ids", List.of(1L, 2L, 3L)));
        first.key(walk);
        assertTrue(walk.declared("anon_9"));
        assertNotNull(walk.expansion(in));
        walk.reset();
        assertFalse(walk.declared("anon_9"), "a declared name of the last statement");
        var q = select(USERS.NAME).where(in);
        q.key(walk); // the same IN node walked without values: nothing recorded for it from the last walk
        walk.checkNamedUsed(q);
        KeyCollector fresh = KeyCollector.of(q);
        assertEquals(fresh.storedKey(), walk.storedKey());
        assertArrayEquals(fresh.params(), walk.params());
        assertNull(walk.expansion(in), "no expansion left from the last walk");
        assertEquals(fresh.paramStart(in), walk.paramStart(in), "nor where its parameters started");
    }
}
