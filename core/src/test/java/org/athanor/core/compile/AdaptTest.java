package org.athanor.core.compile;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.exists;
import static org.athanor.core.sql.Sql.literal;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Condition;
import org.athanor.core.sql.Sql;
import org.junit.jupiter.api.Test;

/** {@link Sql#adapt}: a condition written against a table, read through an alias of it (SQLAlchemy's ClauseAdapter). */
class AdaptTest {
    static Condition adapt(org.athanor.core.sql.Expression<Boolean> c, Table from, Table to) { return Sql.adapt(c, from, to); }

    @Test
    void columnsOfTheTableReadTheAliasOthersAreLeftAlone() {
        Table u = USERS.as("u");
        Condition c = adapt(USERS.NAME.eq("ann").and(POSTS.TITLE.eq("t")), USERS, u);
        assertEquals("SELECT u.id FROM users AS u, posts WHERE u.name = ? AND posts.title = ?",
                select(u.corresponding(USERS.ID)).from(u).where(c).toString());
        Table other = USERS.as("other");
        assertEquals("SELECT u.id FROM users AS u, users AS other WHERE other.name = ?",
                select(u.corresponding(USERS.ID)).from(u).where(adapt(other.corresponding(USERS.NAME).eq("x"), USERS, u)).toString(),
                "another alias of the table is not adapted");
    }

    @Test
    void fromInferenceSeesTheAlias() {
        Table u = USERS.as("u");
        assertEquals("SELECT 1 FROM users AS u WHERE u.age > ?", select(literal(1)).where(adapt(USERS.AGE.gt(3), USERS, u)).toString());
    }

    @Test
    void aSubqueryInsideTheConditionCorrelatesToTheAlias() {
        Table u = USERS.as("u");
        Condition c = adapt(exists(select(literal(1)).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID))), USERS, u);
        assertEquals("SELECT u.name FROM users AS u WHERE EXISTS (SELECT 1 FROM posts WHERE posts.user_id = u.id)",
                select(u.corresponding(USERS.NAME)).from(u).where(c).toString());
    }

    @Test
    void theCacheKeyNamesTheAliasAndNotTheValues() {
        Table a = USERS.as("a"), b = USERS.as("b");
        assertNotEquals(KeyCollector.of(select(literal(1)).where(adapt(USERS.AGE.gt(3), USERS, a))).storedKey(),
                KeyCollector.of(select(literal(1)).where(adapt(USERS.AGE.gt(3), USERS, b))).storedKey());
        assertEquals(KeyCollector.of(select(literal(1)).where(adapt(USERS.AGE.gt(3), USERS, a))).storedKey(),
                KeyCollector.of(select(literal(1)).where(adapt(USERS.AGE.gt(4), USERS, a))).storedKey());
        assertNotEquals(KeyCollector.of(select(literal(1)).where(adapt(USERS.AGE.gt(3), USERS, a))).storedKey(),
                KeyCollector.of(select(literal(1)).where(USERS.AGE.gt(3))).storedKey());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adapt(USERS.AGE.gt(3), USERS, POSTS));
        assertTrue(e.getMessage().contains("must be another alias of users"), e.getMessage());
    }
}
