package org.athanor.core.compile;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.internal.compile.CacheKey;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.SqlNode;
import org.junit.jupiter.api.Test;

/**
 * A SELECT's and an UPDATE's key name the clauses they have in one token and walk only those: the same expression in
 * another clause, or a clause left out, gives another key; the same clauses built twice give one key.
 */
class StatementKeyShapeTest {
    private static CacheKey key(SqlNode s) { return KeyCollector.of(s).storedKey(); }

    /** One variant per clause, each with the same expression where it can: any two of them must differ. */
    private static List<Select<?>> oneClauseEach() {
        var base = select(USERS.NAME);
        List<Select<?>> v = new ArrayList<>();
        v.add(base);
        v.add(base.from(USERS));
        v.add(base.where(USERS.AGE.gt(1)));
        v.add(base.having(USERS.AGE.gt(1)));
        v.add(base.groupBy(USERS.NAME));
        v.add(base.distinctOn(USERS.NAME));
        v.add(base.orderBy(USERS.NAME));
        v.add(base.limit(5));
        v.add(base.offset(5));
        v.add(base.fetchFirst(5));
        v.add(base.fetchFirst(5, true));
        v.add(base.distinct());
        v.add(base.forUpdate());
        v.add(base.forShare());
        return v;
    }

    @Test
    void everyClauseChangesTheKeyWhereverTheSameExpressionGoes() {
        List<Select<?>> a = oneClauseEach();
        for (int i = 0; i < a.size(); i++)
            for (int j = i + 1; j < a.size(); j++)
                assertNotEquals(key(a.get(i)), key(a.get(j)), "variants " + i + " and " + j);
    }

    @Test
    void eachClausesOwnContentIsInTheKey() {
        var base = select(USERS.NAME);
        assertNotEquals(key(base.where(USERS.AGE.gt(1))), key(base.where(USERS.AGE.lt(1))));
        assertNotEquals(key(base.having(USERS.AGE.gt(1))), key(base.having(USERS.AGE.lt(1))));
        assertNotEquals(key(base.groupBy(USERS.NAME)), key(base.groupBy(USERS.AGE)));
        assertNotEquals(key(base.distinctOn(USERS.NAME)), key(base.distinctOn(USERS.AGE)));
        assertNotEquals(key(base.orderBy(USERS.NAME)), key(base.orderBy(USERS.AGE)));
        assertNotEquals(key(base.from(USERS)), key(base.from(org.athanor.core.fixtures.Posts.POSTS)));
        assertNotEquals(key(base.limit(USERS.AGE)), key(base.limit(USERS.ID)));
        assertNotEquals(key(base.offset(USERS.AGE)), key(base.offset(USERS.ID)));
        assertNotEquals(key(base.fetchFirst(USERS.AGE, false)), key(base.fetchFirst(USERS.ID, false)));
        assertNotEquals(key(base.forUpdate()), key(base.forUpdate(org.athanor.core.sql.LockMode.Wait.NOWAIT)));
    }

    @Test
    void theSameClausesBuiltTwiceShareAKey() {
        List<Select<?>> a = oneClauseEach(), b = oneClauseEach();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(key(a.get(i)), key(b.get(i)), "variant " + i);
            assertEquals(key(a.get(i)).hashCode(), key(b.get(i)).hashCode());
        }
        var all = select(USERS.NAME).distinct().from(USERS).where(USERS.AGE.gt(1)).groupBy(USERS.NAME).having(USERS.AGE.gt(2))
                .orderBy(USERS.NAME).limit(3).offset(4).forUpdate();
        var again = select(USERS.NAME).distinct().from(USERS).where(USERS.AGE.gt(7)).groupBy(USERS.NAME).having(USERS.AGE.gt(8))
                .orderBy(USERS.NAME).limit(9).offset(10).forUpdate();
        assertEquals(key(all), key(again), "bound values are not part of the key");
        assertNotEquals(key(all), key(all.where(USERS.AGE.lt(1))), "another WHERE");
    }

    @Test
    void aPlainSelectsKeyHasOneTokenForTheClausesItLeavesOut() {
        // Select, the clause token, the column count and the column: nothing for the eleven clauses left out
        assertEquals(4, key(select(USERS.NAME)).size());
    }

    @Test
    void anUpdatesClausesAndTheirContentAreInItsKey() {
        var users = org.athanor.core.fixtures.Users.USERS;
        var posts = org.athanor.core.fixtures.Posts.POSTS;
        var set = update(users).set(users.NAME, "a");
        List<SqlNode> v = List.of(set, set.where(users.AGE.gt(1)), set.returning(users.AGE), set.set(users.AGE, 1), set.set(users.EMAIL, "b"),
                update(users).set(users.EMAIL, "a"), update(users).set(users.NAME, users.EMAIL), set.where(users.AGE.lt(1)),
                set.returning(users.ID), update(posts).set(posts.TITLE, "a"), set.from(posts).where(users.ID.eq(posts.USER_ID)),
                set.where(users.ID.eq(posts.USER_ID)), set.from(users.as("u2")).where(users.ID.eq(posts.USER_ID)));
        for (int i = 0; i < v.size(); i++)
            for (int j = i + 1; j < v.size(); j++)
                assertNotEquals(key(v.get(i)), key(v.get(j)), "variants " + i + " and " + j);
        assertEquals(key(set.where(users.AGE.gt(1)).returning(users.AGE)), key(update(users).set(users.NAME, "z").where(users.AGE.gt(9)).returning(users.AGE)));
    }
}
