package org.athanor.core.internal.compile;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.athanor.core.sql.SqlNode;
import org.junit.jupiter.api.Test;

/**
 * A physical connection's statements walk into one reused {@link KeyCollector} ({@code OpenStatements}), reset between them:
 * after a reset, a walk gives exactly the key and parameters a fresh walk gives, whatever the statement before it
 * left behind (named values, anonymous aliases, a larger statement's tokens).
 */
class KeyWalkReuseTest {
    private static void sameAsFresh(KeyCollector reused, SqlNode statement, Map<String, ?> named) {
        reused.reset();
        if (named != null) reused.named(named);
        statement.key(reused);
        KeyCollector fresh = new KeyCollector();
        if (named != null) fresh.named(named);
        statement.key(fresh);
        assertEquals(fresh.lookupKey(), reused.lookupKey(), "key of " + statement);
        assertEquals(fresh.lookupKey().hashCode(), reused.lookupKey().hashCode());
        assertEquals(fresh.storedKey(), reused.storedKey());
        assertArrayEquals(fresh.params(), reused.params(), "parameters of " + statement);
        assertEquals(fresh.cacheable(), reused.cacheable());
        reused.checkNamedUsed(statement); // a name given to an earlier statement is not held against this one
    }

    @Test
    void aResetWalkEqualsAFreshOne() {
        KeyCollector walk = new KeyCollector();
        var large = select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).where(USERS.AGE.gt(1), USERS.AGE.lt(2), USERS.NAME.like("a%"),
                USERS.EMAIL.isNotNull(), USERS.ID.in(1L, 2L, 3L, 4L, 5L)).orderBy(USERS.NAME.desc()).limit(3);
        List<SqlNode> statements = List.of(
                large,
                select(USERS.NAME).where(USERS.ID.eq(7L)),
                update(USERS).set(USERS.NAME, bindParam("n", varchar(50))).where(USERS.ID.eq(bindParam("k", BIGINT))),
                select(USERS.NAME).where(USERS.ID.eq(8L)),
                deleteFrom(USERS).where(USERS.AGE.gt(3)));
        for (SqlNode s : statements) sameAsFresh(walk, s, null);
        sameAsFresh(walk, statements.get(2), Map.of("n", "x", "k", 1L));
        sameAsFresh(walk, statements.get(1), null);
        sameAsFresh(walk, statements.get(2), Map.of("n", "y", "k", 2L)); // the names met are counted afresh
        walk.reset();
        walk.named(Map.of("n", "z", "typo", 3L));
        statements.get(2).key(walk);
        assertThrows(IllegalArgumentException.class, () -> walk.checkNamedUsed(statements.get(2)), "a name the statement lacks is still refused");
        org.athanor.core.schema.Table a = USERS.anonymous(), b = USERS.anonymous();
        SqlNode aliased = select(a.column("name", String.class), b.column("name", String.class)).from(a).join(b, a.column("id", Long.class)
                .eq(b.column("id", Long.class)));
        sameAsFresh(walk, aliased, null);
        sameAsFresh(walk, aliased, null);
    }

    @Test
    void theWalkOfALargeStatementIsNotKept() {
        KeyCollector walk = new KeyCollector();
        assertTrue(walk.capacity() <= KeyCollector.KEPT_CAPACITY, "a new walk is kept");
        Long[] ids = new Long[400];
        for (int i = 0; i < ids.length; i++) ids[i] = (long) i;
        select(USERS.NAME).where(USERS.ID.in(java.util.Arrays.asList(ids))).key(walk);
        assertTrue(walk.capacity() > KeyCollector.KEPT_CAPACITY, "a walk grown by 400 parameters is let go");
    }
}
