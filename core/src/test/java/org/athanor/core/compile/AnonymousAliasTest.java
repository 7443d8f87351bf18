package org.athanor.core.compile;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.exists;
import static org.athanor.core.sql.Sql.literal;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.junit.jupiter.api.Test;

/**
 * {@link Table#anonymous()}: aliases the compiler names by their position in the statement ({@code anon_1}, ...), so a
 * statement of one shape renders the same SQL and has the same cache key however often its aliases are made.
 */
class AnonymousAliasTest {
    /** Users with a post whose author is a user named {@code name}: EXISTS over an anonymous alias made per call. */
    static Select<?> named(String name) {
        Table u = USERS.anonymous();
        Expression<Boolean> e = exists(select(literal(1)).from(u).where(u.corresponding(USERS.ID).eq(USERS.ID)
                .and(Sql.adapt(USERS.NAME.eq(name), USERS, u))));
        return select(USERS.ID).from(USERS).where(e);
    }

    @Test
    void theCompilerNamesItByPosition() {
        assertEquals("SELECT users.id FROM users WHERE EXISTS (SELECT 1 FROM users AS anon_1 WHERE anon_1.id = users.id "
                + "AND anon_1.name = ?)", named("ann").toString());
        assertTrue(USERS.anonymous().isAnonymous());
        assertTrue(!USERS.as("x").isAnonymous() && !USERS.isAnonymous());
    }

    @Test
    void twoInOneStatementGetTwoNamesTheSameOneItsOwn() {
        Table a = USERS.anonymous(), b = USERS.anonymous();
        String sql = select(a.corresponding(USERS.NAME), b.corresponding(USERS.NAME)).from(a)
                .join(b, b.corresponding(USERS.ID).eq(a.corresponding(USERS.ID))).toString();
        assertEquals("SELECT anon_1.name, anon_2.name FROM users AS anon_1 JOIN users AS anon_2 ON anon_2.id = anon_1.id", sql);
        Table p = POSTS.anonymous();
        assertEquals("SELECT anon_1.title FROM posts AS anon_1 WHERE EXISTS (SELECT 1 FROM users AS anon_2 WHERE anon_2.id = anon_1.user_id)",
                select(p.corresponding(POSTS.TITLE)).from(p).where(exists(select(literal(1)).from(a)
                        .where(a.corresponding(USERS.ID).eq(p.corresponding(POSTS.USER_ID))))).toString());
    }

    @Test
    void theSameShapeHasOneCacheKeyAnotherShapeAnother() {
        assertEquals(KeyCollector.of(named("ann")).storedKey(), KeyCollector.of(named("bob")).storedKey(),
                "a new anonymous alias per build, one key");
        Table a = USERS.anonymous(), b = USERS.anonymous();
        // the same alias twice is not two aliases
        assertNotEquals(KeyCollector.of(select(a.corresponding(USERS.ID), a.corresponding(USERS.NAME)).from(a)).storedKey(),
                KeyCollector.of(select(a.corresponding(USERS.ID), b.corresponding(USERS.NAME)).from(a)).storedKey());
        assertNotEquals(KeyCollector.of(select(a.corresponding(USERS.ID)).from(a)).storedKey(),
                KeyCollector.of(select(POSTS.anonymous().corresponding(POSTS.ID)).from(POSTS.anonymous())).storedKey(),
                "what it aliases is part of the key");
        assertNotEquals(KeyCollector.of(select(a.corresponding(USERS.ID)).from(a)).storedKey(),
                KeyCollector.of(select(USERS.as("anon_1").corresponding(USERS.ID)).from(USERS.as("anon_1"))).storedKey());
    }

    @Test
    void namesTheStatementDeclaresAreSkippedInAnyCase() {
        Table mine = USERS.as("ANON_1"), a = USERS.anonymous(), b = USERS.anonymous();
        assertEquals("SELECT \"ANON_1\".name, anon_2.name, anon_3.name FROM users AS \"ANON_1\" JOIN users AS anon_2 ON anon_2.id = \"ANON_1\".id "
                + "JOIN users AS anon_3 ON anon_3.id = anon_2.id",
                select(mine.corresponding(USERS.NAME), a.corresponding(USERS.NAME), b.corresponding(USERS.NAME)).from(mine)
                        .join(a, a.corresponding(USERS.ID).eq(mine.corresponding(USERS.ID)))
                        .join(b, b.corresponding(USERS.ID).eq(a.corresponding(USERS.ID))).toString());
        // a subquery's name met after the anonymous alias is skipped too: the names come from the whole key walk
        var sub = select(USERS.ID).subquery("anon_1");
        assertEquals("SELECT anon_2.name FROM users AS anon_2 WHERE EXISTS (SELECT 1 FROM (SELECT users.id FROM users) AS anon_1 "
                + "WHERE anon_1.id = anon_2.id)", select(a.corresponding(USERS.NAME)).from(a)
                .where(exists(select(literal(1)).from(sub).where(sub.get(USERS.ID).eq(a.corresponding(USERS.ID))))).toString());
    }
}
