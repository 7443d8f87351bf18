package org.athanor.postgres;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.postgres.PostgresInsert.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Like;
import org.athanor.core.sql.LockMode;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Exact SQL for PostgreSQL, compiled without a database. */
class PostgresCompilerTest {
    private static final PostgresDialect PG = PostgresDialect.INSTANCE;
    private static final Hits HITS = new Hits("hits");

    private static String sql(Statement s) { return PG.compile(s).sql(); }

    private static List<Object> params(Statement s) { return PG.compile(s).parameters(); }

    @Test
    void ilikeIsNative() {
        assertEquals("SELECT users.name FROM users WHERE users.name ILIKE ?", sql(select(USERS.NAME).where(USERS.NAME.ilike("a%"))));
        Like notIlike = new Like(USERS.NAME, param("b%"), '/', true, true);
        assertEquals("SELECT users.name FROM users WHERE users.name NOT ILIKE ? ESCAPE '/'", sql(select(USERS.NAME).where(notIlike)));
    }

    @Test
    void likeHelpersEscapeWithSlash() {
        var q = select(USERS.NAME).where(USERS.NAME.startsWith("50%_"));
        assertEquals("SELECT users.name FROM users WHERE users.name LIKE ? ESCAPE '/'", sql(q));
        assertEquals(List.of("50/%/_%"), params(q));
    }

    @Test
    void isDistinctFromIsNative() {
        assertEquals("SELECT users.id FROM users WHERE users.age IS DISTINCT FROM ?", sql(select(USERS.ID).where(USERS.AGE.isDistinctFrom(3))));
        assertEquals("SELECT users.id FROM users WHERE users.age IS NOT DISTINCT FROM ?",
                sql(select(USERS.ID).where(USERS.AGE.isNotDistinctFrom(3))));
    }

    @Test
    void distinctOn() {
        var q = select(USERS.AGE, USERS.NAME).distinctOn(USERS.AGE).orderBy(USERS.AGE, USERS.ID.desc());
        assertEquals("SELECT DISTINCT ON (users.age) users.age, users.name FROM users ORDER BY users.age, users.id DESC", sql(q));
        var two = select(USERS.NAME).distinctOn(USERS.AGE, lower(USERS.EMAIL)).orderBy(USERS.AGE, lower(USERS.EMAIL));
        assertEquals("SELECT DISTINCT ON (users.age, lower(users.email)) users.name FROM users ORDER BY users.age, lower(users.email)", sql(two));
        assertEquals("SELECT DISTINCT users.age FROM users", sql(select(USERS.AGE).distinct()));
    }

    @Test
    void distinctOnKeysDiffer() {
        assertNotEquals(key(select(USERS.NAME).distinctOn(USERS.AGE)), key(select(USERS.NAME).distinctOn(USERS.ID)));
    }

    @Test
    void rowLocks() {
        var base = select(USERS.ID).where(USERS.AGE.gt(1));
        assertEquals("SELECT users.id FROM users WHERE users.age > ? FOR UPDATE", sql(base.forUpdate()));
        assertEquals("SELECT users.id FROM users WHERE users.age > ? FOR UPDATE NOWAIT", sql(base.forUpdate(LockMode.Wait.NOWAIT)));
        assertEquals("SELECT users.id FROM users WHERE users.age > ? FOR UPDATE SKIP LOCKED", sql(base.forUpdate(LockMode.Wait.SKIP_LOCKED)));
        assertEquals("SELECT users.id FROM users WHERE users.age > ? FOR SHARE", sql(base.forShare()));
        assertEquals("SELECT users.id FROM users WHERE users.age > ? FOR SHARE SKIP LOCKED", sql(base.forShare(LockMode.Wait.SKIP_LOCKED)));
        assertEquals("SELECT users.id FROM users LIMIT ? FOR UPDATE NOWAIT", sql(select(USERS.ID).limit(1).forUpdate(LockMode.Wait.NOWAIT)));
    }

    @Test
    void orderingWithNulls() {
        assertEquals("SELECT users.id FROM users ORDER BY users.age DESC NULLS LAST, users.name NULLS FIRST",
                sql(select(USERS.ID).orderBy(USERS.AGE.desc().nullsLast(), USERS.NAME.asc().nullsFirst())));
    }

    @Test
    void limitAndOffsetAreBound() {
        var q = select(USERS.ID).orderBy(USERS.ID).limit(10).offset(20);
        assertEquals("SELECT users.id FROM users ORDER BY users.id LIMIT ? OFFSET ?", sql(q));
        assertEquals(List.of(10L, 20L), params(q));
        assertEquals("SELECT users.id FROM users OFFSET ?", sql(select(USERS.ID).offset(3)));
    }

    @Test
    void emptyInUsesBooleanConstants() {
        assertEquals("SELECT users.id FROM users WHERE FALSE", sql(select(USERS.ID).where(USERS.ID.in(List.of()))));
        assertEquals("SELECT users.id FROM users WHERE TRUE", sql(select(USERS.ID).where(USERS.ID.notIn(List.of()))));
        assertEquals("SELECT users.id FROM users WHERE users.id IN (?, ?, ?, ?)", sql(select(USERS.ID).where(USERS.ID.in(1L, 2L, 3L))));
    }

    @Test
    void tupleInAndOuterJoins() {
        var q = select(USERS.ID).where(tuple(USERS.ID, USERS.AGE).in(tuple(param(1L), param(30)), tuple(param(2L), param(40))));
        assertEquals("SELECT users.id FROM users WHERE (users.id, users.age) IN ((?, ?), (?, ?))", sql(q));
        assertEquals("SELECT users.name, posts.title FROM users FULL OUTER JOIN posts ON posts.user_id = users.id",
                sql(select(USERS.NAME, POSTS.TITLE).from(USERS).fullJoin(POSTS)));
        assertEquals("SELECT users.name, posts.title FROM users RIGHT OUTER JOIN posts ON posts.user_id = users.id",
                sql(select(USERS.NAME, POSTS.TITLE).from(USERS).rightJoin(POSTS)));
    }

    @Test
    void returningOnEveryDml() {
        assertEquals("INSERT INTO users (name, age) VALUES (?, ?) RETURNING id",
                sql(insert(USERS).set(USERS.NAME, "a").set(USERS.AGE, 1).returning(USERS.ID)));
        assertEquals("INSERT INTO users (name) VALUES (?), (?) RETURNING id, name",
                sql(insert(USERS).columns(USERS.NAME).values("a").values("b").returning(USERS.ID, USERS.NAME)));
        assertEquals("UPDATE users SET age = ? WHERE users.id = ? RETURNING id, age",
                sql(update(USERS).set(USERS.AGE, 5).where(USERS.ID.eq(1L)).returning(USERS.ID, USERS.AGE)));
        assertEquals("DELETE FROM users WHERE users.age < ? RETURNING id",
                sql(deleteFrom(USERS).where(USERS.AGE.lt(18)).returning(USERS.ID)));
        assertEquals("INSERT INTO users DEFAULT VALUES RETURNING id", sql(insert(USERS).defaultValues().returning(USERS.ID)));
    }

    @Test
    void updateFromAndDeleteUsing() {
        var u = update(POSTS).set(POSTS.TITLE, "x").from(USERS).where(POSTS.USER_ID.eq(USERS.ID), USERS.NAME.eq("bob"));
        assertEquals("UPDATE posts SET title = ? FROM users WHERE posts.user_id = users.id AND users.name = ?", sql(u));
        var d = deleteFrom(POSTS).using(USERS).where(POSTS.USER_ID.eq(USERS.ID), USERS.AGE.lt(18));
        assertEquals("DELETE FROM posts USING users WHERE posts.user_id = users.id AND users.age < ?", sql(d));
    }

    // ---- ON CONFLICT -------------------------------------------------------------------------------

    private static Insert newHit() { return insert(HITS).set(HITS.PAGE, "/").set(HITS.COUNT, 1L); }

    @Test
    void onConflictDoNothing() {
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT (page) DO NOTHING",
                sql(onConflict(newHit(), HITS.PAGE).doNothing()));
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT DO NOTHING", sql(onConflict(newHit()).doNothing()));
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT ON CONSTRAINT hits_pkey DO NOTHING",
                sql(onConflictOnConstraint(newHit(), "hits_pkey").doNothing()));
    }

    @Test
    void onConflictDoUpdateWithExcluded() {
        Insert up = onConflict(newHit(), HITS.PAGE).doUpdate(set(HITS.COUNT, HITS.COUNT.plus(PostgresInsert.excluded(HITS.COUNT))).set(HITS.NOTE, "again"));
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT (page) DO UPDATE SET count = hits.count + excluded.count, note = ?",
                sql(up));
        assertEquals(List.of("/", 1L, "again"), params(up));
    }

    @Test
    void onConflictDoUpdateWhereAndReturning() {
        var up = onConflict(newHit(), HITS.PAGE)
                .doUpdate(set(HITS.COUNT, PostgresInsert.excluded(HITS.COUNT)), HITS.NOTE.isNull())
                .returning(HITS.PAGE, HITS.COUNT);
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT (page) DO UPDATE SET count = excluded.count"
                + " WHERE hits.note IS NULL RETURNING page, count", sql(up));
    }

    @Test
    void onConflictFromExcludedAndMap() {
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT (page) DO UPDATE SET count = excluded.count, note = excluded.note",
                sql(onConflict(newHit(), HITS.PAGE).doUpdateFromExcluded(HITS.COUNT, HITS.NOTE)));
        Map<Column<?>, Object> m = new LinkedHashMap<>();
        m.put(HITS.COUNT, 5L);
        m.put(HITS.NOTE, PostgresInsert.excluded(HITS.PAGE));
        var up = onConflict(newHit(), HITS.PAGE).doUpdate(m);
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT (page) DO UPDATE SET count = ?, note = excluded.page", sql(up));
        assertEquals(List.of("/", 1L, 5L), params(up));
    }

    @Test
    void onConflictPartialIndexTargetAndMultiRow() {
        var rows = insert(HITS).columns(HITS.PAGE, HITS.COUNT).values("/a", 1L).values("/b", 2L);
        var up = onConflict(rows, HITS.PAGE).where(HITS.NOTE.isNotNull()).doNothing();
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?), (?, ?) ON CONFLICT (page) WHERE hits.note IS NOT NULL DO NOTHING", sql(up));
    }

    @Test
    void onConflictKeysFollowTheClause() {
        Insert a = onConflict(newHit(), HITS.PAGE).doUpdateFromExcluded(HITS.COUNT);
        Insert b = onConflict(newHit(), HITS.PAGE).doUpdateFromExcluded(HITS.NOTE);
        Insert c = onConflict(newHit(), HITS.PAGE).doNothing();
        Insert a2 = onConflict(insert(HITS).set(HITS.PAGE, "/other").set(HITS.COUNT, 9L), HITS.PAGE).doUpdateFromExcluded(HITS.COUNT);
        assertNotEquals(key(a), key(b));
        assertNotEquals(key(a), key(c));
        assertNotEquals(key(a), key(newHit()));
        assertEquals(key(a), key(a2));
        Insert v1 = onConflict(newHit(), HITS.PAGE).doUpdate(set(HITS.COUNT, 1L));
        Insert v2 = onConflict(newHit(), HITS.PAGE).doUpdate(set(HITS.COUNT, 2L));
        assertEquals(key(v1), key(v2));
        assertEquals(List.of("/", 1L, 2L), params(v2));
    }

    @Test
    void onConflictMisuse() {
        var none = assertThrows(IllegalStateException.class, () -> onConflict(newHit()).doUpdateFromExcluded(HITS.COUNT));
        assertTrue(none.getMessage().contains("needs a conflict target"), none.getMessage());
        var foreign = assertThrows(IllegalArgumentException.class, () -> onConflict(newHit(), USERS.ID));
        assertTrue(foreign.getMessage().contains("does not belong to the inserted table hits"), foreign.getMessage());
        var setForeign = assertThrows(IllegalArgumentException.class,
                () -> onConflict(newHit(), HITS.PAGE).doUpdate(set(USERS.NAME, "x")));
        assertTrue(setForeign.getMessage().contains("DO UPDATE SET column users.name"), setForeign.getMessage());
        assertThrows(IllegalArgumentException.class, () -> onConflict(newHit(), HITS.PAGE).doUpdateFromExcluded());
        assertThrows(IllegalStateException.class, () -> onConflict(newHit()).where(HITS.NOTE.isNull()));
    }

    @Test
    void excludedRendersInGenericToString() {
        String s = onConflict(newHit(), HITS.PAGE).doUpdateFromExcluded(HITS.COUNT).toString();
        assertEquals("INSERT INTO hits (page, count) VALUES (?, ?) ON CONFLICT (page) DO UPDATE SET count = excluded.count", s);
    }

    // ---- sequences ---------------------------------------------------------------------------------

    @Test
    void sequenceFunctions() {
        assertEquals("SELECT nextval('order_no')", sql(select(Sequences.nextval("order_no"))));
        assertEquals("SELECT nextval('\"Order No\"')", sql(select(Sequences.nextval("Order No"))));
        assertEquals("SELECT nextval('shop.\"user\"')", sql(select(Sequences.nextval("shop", "user"))));
        assertEquals("SELECT currval('\"o''brien\"')", sql(select(Sequences.currval("o'brien"))));
        assertEquals("INSERT INTO users (id, name) VALUES (nextval('user_ids'), ?)",
                sql(insert(USERS).set(USERS.ID, Sequences.nextval("user_ids")).set(USERS.NAME, "x")));
        assertNotEquals(key(select(Sequences.nextval("a"))), key(select(Sequences.nextval("b"))));
        assertEquals("SELECT nextval('shop.\"Order No\"')",
                sql(select(Sequences.nextval(org.athanor.core.schema.Sequence.of("shop", "Order No").startWith(5)))));
        assertEquals("SELECT nextval('order_no')", sql(select(Sequences.nextval(org.athanor.core.schema.Sequence.of("order_no")))));
    }

    // ---- functions, literals, quoting --------------------------------------------------------------

    @Test
    void roundOfFloatGoesThroughNumeric() {
        Column<Double> score = org.athanor.core.schema.Table.of("scores", org.athanor.core.schema.Table.col("score", SqlTypes.DOUBLE))
                .column("score", Double.class);
        assertEquals("SELECT round(CAST(scores.score AS NUMERIC), ?) FROM scores", sql(select(round(score, 2))));
        assertEquals("SELECT round(users.age, ?) FROM users", sql(select(round(USERS.AGE, 2))));
        assertEquals("SELECT round(scores.score) FROM scores", sql(select(round(score))));
    }

    @Test
    void castsUsePostgresTypeNames() {
        assertEquals("SELECT CAST(users.name AS JSONB) FROM users", sql(select(cast(USERS.NAME, SqlTypes.JSON))));
        assertEquals("SELECT CAST(users.age AS DOUBLE PRECISION) FROM users", sql(select(cast(USERS.AGE, SqlTypes.DOUBLE))));
        assertEquals("SELECT CAST(users.name AS BYTEA) FROM users", sql(select(cast(USERS.NAME, SqlTypes.BLOB))));
        assertEquals("SELECT CAST(users.name AS TIMESTAMPTZ) FROM users", sql(select(cast(USERS.NAME, SqlTypes.TIMESTAMPTZ))));
    }

    @Test
    void literalsAreEscapedForPostgres() {
        // a backslash makes it an escape string, read alike whatever standard_conforming_strings is
        assertEquals("E'it''s \\\\ fine'", PG.renderLiteral("it's \\ fine", SqlTypes.TEXT));
        assertEquals("'it''s fine'", PG.renderLiteral("it's fine", SqlTypes.TEXT));
        assertEquals("decode('00ff10', 'hex')", PG.renderLiteral(new byte[] {0, (byte) 0xff, 16}, SqlTypes.BLOB));
        assertEquals("TRUE", PG.renderLiteral(true, SqlTypes.BOOLEAN));
        assertEquals("'NaN'::DOUBLE PRECISION", PG.renderLiteral(Double.NaN, SqlTypes.DOUBLE));
        assertEquals("'-Infinity'::DOUBLE PRECISION", PG.renderLiteral(Double.NEGATIVE_INFINITY, SqlTypes.DOUBLE));
        assertEquals("'Infinity'::REAL", PG.renderLiteral(Float.POSITIVE_INFINITY, SqlTypes.REAL));
        CompiledStatement c = PG.compile(select(USERS.ID).where(USERS.NAME.eq("O'Hara"), USERS.AGE.gt(3)), true);
        assertEquals("SELECT users.id FROM users WHERE users.name = 'O''Hara' AND users.age > 3", c.sql());
    }

    @Test
    void reservedAndMixedCaseIdentifiersAreQuoted() {
        var t = org.athanor.core.schema.Table.of("Order", org.athanor.core.schema.Table.col("user", SqlTypes.TEXT),
                org.athanor.core.schema.Table.col("returning", SqlTypes.TEXT), org.athanor.core.schema.Table.col("say \"hi\"", SqlTypes.TEXT),
                org.athanor.core.schema.Table.col("plain_name", SqlTypes.TEXT));
        assertEquals("SELECT \"Order\".\"user\", \"Order\".\"returning\", \"Order\".\"say \"\"hi\"\"\", \"Order\".plain_name FROM \"Order\"",
                sql(select(t.columns())));
    }

    @Test
    void featuresDeclarePostgresCapabilities() {
        var f = PG.features();
        assertTrue(f.supportsReturning() && f.supportsUpdateReturning() && f.supportsDeleteReturning());
        assertFalse(f.returningPreservesOrder());
        assertTrue(f.supportsFullJoin() && f.supportsRightJoin() && f.supportsTupleIn() && f.supportsNullsOrdering());
        assertTrue(f.supportsForUpdate() && f.supportsForShare() && f.supportsNowait() && f.supportsSkipLocked());
        assertTrue(f.supportsSequences() && f.supportsUpdateFrom() && f.supportsDeleteUsing() && f.supportsAlterAddForeignKey());
        assertTrue(f.supportsCreateIndexIfNotExists() && f.transactionalDdl() && f.exactNumeric() && f.supportsLateral());
        assertTrue(f.supportsFilterClause() && f.supportsIntersectExceptAll() && f.supportsIlike());
        assertEquals(32767, f.maxBindParams());
        assertFalse(f.requiresVarcharLength());
    }

    private static Object key(SqlNode n) { return KeyCollector.of(n).storedKey(); }
}
