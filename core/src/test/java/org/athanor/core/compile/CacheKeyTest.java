package org.athanor.core.compile;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.internal.compile.CacheKey;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** Equal structure gives equal keys whatever the bound values; any structural difference gives another key. */
class CacheKeyTest {
    static CacheKey key(SqlNode n) { return KeyCollector.of(n).storedKey(); }

    static void same(SqlNode a, SqlNode b) {
        assertEquals(key(a), key(b), a + " vs " + b);
        assertEquals(key(a).hashCode(), key(b).hashCode());
    }

    static void different(SqlNode a, SqlNode b) { assertNotEquals(key(a), key(b), a + " vs " + b); }

    @Test
    void boundValuesAreNotPartOfTheKey() {
        same(select(USERS.NAME).where(USERS.AGE.gt(1)), select(USERS.NAME).where(USERS.AGE.gt(99)));
        same(select(USERS.NAME).limit(1).offset(2), select(USERS.NAME).limit(10).offset(20));
        same(insert(USERS).set(USERS.NAME, "a"), insert(USERS).set(USERS.NAME, "b"));
        same(update(USERS).set(USERS.AGE, 1).where(USERS.ID.eq(1L)), update(USERS).set(USERS.AGE, 2).where(USERS.ID.eq(2L)));
        same(deleteFrom(USERS).where(USERS.NAME.startsWith("a")), deleteFrom(USERS).where(USERS.NAME.startsWith("b%")));
        // IN lists share a key per power-of-two bucket
        same(select(USERS.ID).where(USERS.ID.in(1L, 2L, 3L)), select(USERS.ID).where(USERS.ID.in(4L, 5L, 6L, 7L)));
        same(select(USERS.ID).where(USERS.ID.in(1L, 2L, 3L, 4L, 5L)), select(USERS.ID).where(USERS.ID.in(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L))));
        // values whose type is inferred from their class, BigInteger (a converted type) included
        same(select(param(java.math.BigInteger.ONE)), select(param(java.math.BigInteger.TEN)));
        same(select(USERS.ID).where(USERS.NAME.eq(param("a"))), select(USERS.ID).where(USERS.NAME.eq(param("b"))));
        // equal derived tables built twice
        same(select(select(USERS.ID).where(USERS.AGE.gt(1)).subquery("s").get(USERS.ID)),
                select(select(USERS.ID).where(USERS.AGE.gt(2)).subquery("s").get(USERS.ID)));
    }

    @Test
    void structuralDifferencesChangeTheKey() {
        var base = select(USERS.NAME).where(USERS.AGE.gt(1));
        different(base, select(USERS.NAME).where(USERS.AGE.lt(1)));            // operator
        different(base, select(USERS.NAME).where(USERS.AGE.ge(1)));
        different(base, select(USERS.EMAIL).where(USERS.AGE.gt(1)));          // column
        different(base, select(USERS.NAME).where(USERS.ID.gt(1L)));
        different(select(count()).from(USERS), select(count()).from(POSTS));  // table
        different(select(USERS.NAME).from(USERS), select(USERS.NAME).from(USERS.as("u")));
        different(select(USERS.NAME.as("a")), select(USERS.NAME.as("b")));    // label
        different(select(literal(1)), select(literal(2)));                    // literal value
        different(select(literal("x")), select(literal("y")));
        different(select(param(1)), select(param(1L)));                       // parameter type
        different(base, base.distinct());
        different(base, base.limit(1));
        different(base, base.orderBy(USERS.NAME));
        different(select(USERS.NAME).orderBy(USERS.NAME.asc()), select(USERS.NAME).orderBy(USERS.NAME.desc()));
        different(select(USERS.NAME).orderBy(USERS.NAME.asc()), select(USERS.NAME).orderBy(USERS.NAME.asc().nullsFirst()));
        different(select(USERS.NAME).join(POSTS), select(USERS.NAME).leftJoin(POSTS));
        different(select(USERS.ID).where(USERS.ID.in(1L, 2L)), select(USERS.ID).where(USERS.ID.notIn(1L, 2L)));
        different(select(USERS.ID).where(USERS.ID.in(1L, 2L)), select(USERS.ID).where(USERS.ID.in(1L, 2L, 3L)));
        different(select(USERS.ID).where(USERS.NAME.like("a")), select(USERS.ID).where(USERS.NAME.notLike("a")));
        different(select(USERS.ID).where(USERS.NAME.like("a")), select(USERS.ID).where(USERS.NAME.like("a", '!')));
        different(select(count(USERS.ID)), select(countDistinct(USERS.ID)));
        different(select(min(USERS.AGE)), select(max(USERS.AGE)));
        different(insert(USERS).set(USERS.NAME, "a"), insert(USERS).set(USERS.EMAIL, "a"));
        different(insert(USERS).columns(USERS.NAME).values("a"), insert(USERS).columns(USERS.NAME).values("a").values("b"));
        different(update(USERS).set(USERS.AGE, 1), update(USERS).set(USERS.AGE, 1).where(USERS.ID.eq(1L)));
        different(deleteFrom(USERS), deleteFrom(POSTS));
        different(and(USERS.AGE.gt(1), USERS.AGE.lt(2)), or(USERS.AGE.gt(1), USERS.AGE.lt(2)));
        different(USERS.AGE.plus(1), USERS.AGE.minus(1));
        different(select(USERS.ID).where(USERS.AGE.isNull()), select(USERS.ID).where(USERS.AGE.isNotNull()));
    }

    /** A statement over an alias built again with a fresh alias of the same table and name has the same key. */
    @Test
    void aliasesOfOneTableWithOneNameShareAKey() {
        java.util.function.Function<org.athanor.core.fixtures.Users, SqlNode> byName = u -> select(u.ID, u.NAME)
                .join(POSTS, POSTS.USER_ID.eq(u.ID)).where(u.NAME.eq("x")).orderBy(u.ID);
        same(byName.apply(USERS.as("a")), byName.apply(USERS.as("a")));
        same(byName.apply(USERS.as("a").as("b")), byName.apply(USERS.as("b")));           // an alias of an alias: the root's
        org.athanor.core.schema.Table untyped = org.athanor.core.schema.Table.of("users", org.athanor.core.schema.Table.col("id",
                org.athanor.core.type.SqlTypes.BIGINT));
        same(select(untyped.as("a").column("id")), select(untyped.as("a").column("id")));
        java.util.function.Function<org.athanor.core.fixtures.Users, SqlNode> setAge = u -> update(u).set(u.AGE, 1).where(u.ID.eq(2L));
        same(setAge.apply(USERS.as("a")), setAge.apply(USERS.as("a")));
        different(byName.apply(USERS.as("a")), byName.apply(USERS.as("b")));               // another alias name
        different(byName.apply(USERS.as("a")), byName.apply(USERS));                       // the table itself
        // another Table object of the same database table, aliased alike: never equal (its columns may differ)
        org.athanor.core.schema.Table other = org.athanor.core.schema.Table.of("users", org.athanor.core.schema.Table.col("id",
                org.athanor.core.type.SqlTypes.BIGINT));
        different(select(untyped.as("a").column("id")), select(other.as("a").column("id")));
        different(select(untyped.column("id")), select(other.column("id")));
        different(select(USERS.as("a").ID), select(untyped.as("a").column("id")));          // a typed and an untyped alias
    }

    @Test
    void paramsAreCollectedInWalkOrder() {
        KeyCollector k = KeyCollector.of(select(USERS.NAME).where(USERS.AGE.between(10, 20)).limit(5));
        assertEquals(3, k.paramCount());
        assertEquals(List.of(10, 20, 5L), List.of(k.param(0).value(), k.param(1).value(), k.param(2).value()));
    }
}
