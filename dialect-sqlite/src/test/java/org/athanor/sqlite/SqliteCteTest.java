package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.List;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WITH, several CTEs, WITH RECURSIVE, CTEs in joins and in INSERT/UPDATE/DELETE on SQLite. */
class SqliteCteTest {
    static final Table EMP = Table.of("emp", Table.col("id", SqlTypes.INTEGER, Table.Options.primaryKey()),
            Table.col("name", SqlTypes.TEXT), Table.col("boss", SqlTypes.INTEGER));
    static final Column<Integer> EMP_ID = EMP.column("id", Integer.class);
    static final Column<String> EMP_NAME = EMP.column("name", String.class);
    static final Column<Integer> EMP_BOSS = EMP.column("boss", Integer.class);

    Engine engine;
    Connection c;

    static String sql(Statement s) { return SqliteDialect.INSTANCE.compile(s).sql(); }

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(USERS, POSTS, EMP).createAll(engine);
        c = engine.connect();
        c.execute(insert(USERS).columns(USERS.NAME, USERS.AGE).values("Ann", 12).values("Bob", 30).values("Cy", 70));
        c.execute(insert(POSTS).columns(POSTS.USER_ID, POSTS.TITLE).values(2L, "b1").values(2L, "b2").values(3L, "c1"));
        c.execute(insert(EMP).columns(EMP_ID, EMP_NAME, EMP_BOSS)
                .values(1, "root", null).values(2, "a", 1).values(3, "b", 1).values(4, "a1", 2).values(5, "a1x", 4).values(6, "other", null));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    @Test
    void simpleCteSqlAndLive() {
        Cte adults = select(USERS.ID, USERS.NAME).where(USERS.AGE.ge(18)).cte("adults");
        var q = select(adults.get(USERS.NAME)).orderBy(adults.get(USERS.NAME)).with(adults);
        CompiledStatement cs = SqliteDialect.INSTANCE.compile(q);
        assertEquals("WITH adults(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age >= ?) "
                + "SELECT adults.name FROM adults ORDER BY adults.name", cs.sql());
        assertEquals(List.of(18), cs.parameters());
        assertEquals(List.of("name"), cs.resultNames());
        assertEquals(List.of(new Tuple1<>("Bob"), new Tuple1<>("Cy")), c.execute(q).all());
    }

    @Test
    void severalCtesJoinedAndOneUsingAnother() {
        Cte adults = select(USERS.ID, USERS.NAME).where(USERS.AGE.ge(18)).cte("adults");
        Cte counts = select(POSTS.USER_ID, count().as("n")).groupBy(POSTS.USER_ID).cte("counts");
        Cte busy = select(counts.get(POSTS.USER_ID)).where(counts.column("n", Long.class).ge(2L)).cte("busy");
        var q = with(adults, counts, busy).query(select(adults.get(USERS.NAME), counts.column("n", Long.class))
                .from(adults).join(counts, counts.get(POSTS.USER_ID).eq(adults.get(USERS.ID)))
                .where(adults.get(USERS.ID).in(select(busy.get(counts.get(POSTS.USER_ID))))));
        assertEquals("WITH adults(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age >= ?), "
                + "counts(user_id, n) AS (SELECT posts.user_id, count(*) AS n FROM posts GROUP BY posts.user_id), "
                + "busy(user_id) AS (SELECT counts.user_id FROM counts WHERE counts.n >= ?) "
                + "SELECT adults.name, counts.n FROM adults JOIN counts ON counts.user_id = adults.id "
                + "WHERE adults.id IN (SELECT busy.user_id FROM busy)", sql(q));
        assertEquals(List.of(new Tuple2<>("Bob", 2L)), c.execute(q).all());
    }

    @Test
    void recursiveCounter() {
        Cte nums = Cte.recursive("nums", select(literal(1).as("n")),
                self -> select(self.column("n", Integer.class).plus(1)).where(self.column("n", Integer.class).lt(5)));
        var q = with(nums).query(select(sum(nums.column("n", Integer.class))));
        assertEquals("WITH RECURSIVE nums(n) AS (SELECT 1 AS n UNION ALL SELECT nums.n + ? FROM nums WHERE nums.n < ?) "
                + "SELECT sum(nums.n) FROM nums", sql(q));
        assertEquals(15, c.execute(q).one()._1);
    }

    @Test
    void recursiveTreeWalkWithJoinToTheTable() {
        // everyone under "a" (id 2), with their depth
        Cte tree = Cte.recursive("tree", select(EMP_ID, EMP_NAME, literal(0).as("depth")).where(EMP_ID.eq(2)),
                self -> select(EMP_ID, EMP_NAME, self.column("depth", Integer.class).plus(1))
                        .from(EMP).join(self, EMP_BOSS.eq(self.get(EMP_ID))));
        var q = select(tree.get(EMP_NAME), tree.column("depth", Integer.class)).orderBy(tree.column("depth", Integer.class)).with(tree);
        assertEquals("WITH RECURSIVE tree(id, name, depth) AS (SELECT emp.id, emp.name, 0 AS depth FROM emp WHERE emp.id = ? "
                + "UNION ALL SELECT emp.id, emp.name, tree.depth + ? FROM emp JOIN tree ON emp.boss = tree.id) "
                + "SELECT tree.name, tree.depth FROM tree ORDER BY tree.depth", sql(q));
        assertEquals(List.of(new Tuple2<>("a", 0), new Tuple2<>("a1", 1), new Tuple2<>("a1x", 2)), c.execute(q).all());
    }

    @Test
    void recursiveDistinctStopsOnCycles() {
        c.execute(update(EMP).set(EMP_BOSS, 5).where(EMP_ID.eq(2))); // 2 -> 4 -> 5 -> 2: a cycle
        Cte reach = Cte.recursiveDistinct("reach", select(EMP_ID).where(EMP_ID.eq(2)),
                self -> select(EMP_ID).from(EMP).join(self, EMP_BOSS.eq(self.get(EMP_ID))));
        var q = select(count()).from(reach).with(reach);
        assertTrue(sql(q).contains(" UNION SELECT "));
        assertEquals(3L, c.execute(q).one()._1);
    }

    @Test
    void cteAliasesForSelfJoin() {
        Cte adults = select(USERS.ID, USERS.NAME, USERS.AGE).where(USERS.AGE.ge(18)).cte("adults");
        Cte a = adults.as("a"), b = adults.as("b");
        var q = select(a.get(USERS.NAME), b.get(USERS.NAME)).from(a).join(b, a.get(USERS.AGE).lt(b.get(USERS.AGE))).with(adults);
        assertEquals("WITH adults(id, name, age) AS (SELECT users.id, users.name, users.age FROM users WHERE users.age >= ?) "
                + "SELECT a.name, b.name FROM adults AS a JOIN adults AS b ON a.age < b.age", sql(q));
        assertEquals(List.of(new Tuple2<>("Bob", "Cy")), c.execute(q).all());
    }

    @Test
    void ctesInDml() {
        Cte prolific = select(POSTS.USER_ID).groupBy(POSTS.USER_ID).having(count().ge(2L)).cte("prolific");
        var upd = with(prolific).statement(update(USERS).set(USERS.AGE, 99).where(USERS.ID.in(select(prolific.get(POSTS.USER_ID)))));
        assertEquals("WITH prolific(user_id) AS (SELECT posts.user_id FROM posts GROUP BY posts.user_id HAVING count(*) >= ?) "
                + "UPDATE users SET age = ? WHERE users.id IN (SELECT prolific.user_id FROM prolific)", sql(upd));
        assertEquals(1, c.execute(upd));
        assertEquals(99, c.execute(select(USERS.AGE).where(USERS.NAME.eq("Bob"))).one()._1);

        Cte old = select(USERS.ID).where(USERS.AGE.gt(90)).cte("old");
        var del = with(old).statement(deleteFrom(POSTS).where(POSTS.USER_ID.in(select(old.get(USERS.ID)))));
        assertEquals(2, c.execute(del));

        Cte young = select(USERS.ID, USERS.NAME).where(USERS.AGE.lt(20)).cte("young");
        var ins = with(young).statement(insert(POSTS).fromSelect(List.of(POSTS.USER_ID, POSTS.TITLE),
                select(young.get(USERS.ID), young.get(USERS.NAME).concat("'s first"))));
        assertEquals("WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) "
                + "INSERT INTO posts (user_id, title) SELECT young.id, young.name || ? FROM young", sql(ins));
        assertEquals(1, c.execute(ins));
        assertEquals("Ann's first", c.execute(select(POSTS.TITLE).where(POSTS.USER_ID.eq(1L))).one()._1);

        var ret = with(young).query(deleteFrom(POSTS).where(POSTS.USER_ID.in(select(young.get(USERS.ID)))).returning(POSTS.TITLE));
        assertEquals("Ann's first", c.execute(ret).one().get(0));
    }

    @Test
    void undeclaredCteIsAClearError() {
        Cte adults = select(USERS.ID).where(USERS.AGE.ge(18)).cte("adults");
        CompileError e = assertThrows(CompileError.class, () -> sql(select(adults.get(USERS.ID))));
        assertTrue(e.getMessage().startsWith("common table expression adults is used but not declared"), e.getMessage());
        // toString() of a fragment still renders, for logs and debuggers
        assertEquals("SELECT adults.id FROM adults", select(adults.get(USERS.ID)).toString());
    }

    @Test
    void cacheDistinguishesCteBodies() {
        Cte a = select(USERS.ID).where(USERS.AGE.ge(18)).cte("x");
        Cte b = select(USERS.ID).where(USERS.AGE.le(18)).cte("x");
        assertEquals(2L, c.execute(select(count()).from(a).with(a)).one()._1);
        assertEquals(1L, c.execute(select(count()).from(b).with(b)).one()._1);
    }
}
