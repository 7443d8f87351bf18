package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.List;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.CompoundSelect;
import org.athanor.core.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UNION / INTERSECT / EXCEPT: exact SQL on SQLite (members wrapped, ALL forms refused) and live results. */
class SqliteSetOperationsTest {
    Engine engine;
    Connection c;

    static String sql(Statement s) { return SqliteDialect.INSTANCE.compile(s).sql(); }

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(USERS).createAll(engine);
        c = engine.connect();
        c.execute(insert(USERS).columns(USERS.NAME, USERS.AGE)
                .values("Ann", 12).values("Bob", 30).values("Cy", 70).values("Di", 30).values("Ed", 90));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    @Test
    void unionSql() {
        var q = select(USERS.NAME).where(USERS.AGE.lt(20)).union(select(USERS.NAME).where(USERS.AGE.gt(60)))
                .orderBy(USERS.NAME.desc()).limit(2);
        CompiledStatement cs = SqliteDialect.INSTANCE.compile(q);
        assertEquals("SELECT users.name FROM users WHERE users.age < ? UNION SELECT users.name FROM users WHERE users.age > ? "
                + "ORDER BY name DESC LIMIT ?", cs.sql());
        assertEquals(List.of(20, 60, 2L), cs.parameters());
        assertEquals(List.of("name"), cs.resultNames());
    }

    @Test
    void allOperatorsSql() {
        var a = select(USERS.AGE);
        var b = select(USERS.AGE).where(USERS.AGE.gt(20));
        // INTERSECT after UNION groups what came before (other databases give INTERSECT precedence)
        assertEquals("SELECT * FROM (SELECT users.age FROM users UNION ALL SELECT users.age FROM users WHERE users.age > ?) AS set_member_1 "
                + "INTERSECT SELECT users.age FROM users EXCEPT SELECT users.age FROM users WHERE users.age > ?",
                sql(a.unionAll(b).intersect(a).except(b)));
    }

    @Test
    void membersWithOwnOrderAndLimitAreWrappedOnSqlite() {
        var youngest = select(USERS.NAME).orderBy(USERS.AGE).limit(1);
        var oldest = select(USERS.NAME).orderBy(USERS.AGE.desc()).limit(1);
        CompoundSelect<Tuple1<String>> q = youngest.unionAll(oldest).orderBy(USERS.NAME);
        assertEquals("SELECT * FROM (SELECT users.name FROM users ORDER BY users.age LIMIT ?) AS set_member_1 UNION ALL "
                + "SELECT * FROM (SELECT users.name FROM users ORDER BY users.age DESC LIMIT ?) AS set_member_2 ORDER BY name", sql(q));
        assertEquals("(SELECT users.name FROM users ORDER BY users.age LIMIT ?) UNION ALL "
                + "(SELECT users.name FROM users ORDER BY users.age DESC LIMIT ?) ORDER BY name",
                GenericDialect.INSTANCE.compile(q).sql());
        assertEquals(List.of(new Tuple1<>("Ann"), new Tuple1<>("Ed")), c.execute(q).all());
    }

    @Test
    void nestedCompoundKeepsItsGrouping() {
        var thirty = select(USERS.NAME).where(USERS.AGE.eq(30));
        var all = select(USERS.NAME);
        var bob = select(USERS.NAME).where(USERS.NAME.eq("Bob"));
        // all EXCEPT (thirty EXCEPT bob) = everyone but Di
        var inner = thirty.except(bob).orderBy(USERS.NAME); // ordered, so it stays a member of its own
        var q = all.except(inner).orderBy(USERS.NAME);
        assertEquals("SELECT users.name FROM users EXCEPT SELECT * FROM (SELECT users.name FROM users WHERE users.age = ? "
                + "EXCEPT SELECT users.name FROM users WHERE users.name = ? ORDER BY name) AS set_member_2 ORDER BY name", sql(q));
        assertEquals(List.of(new Tuple1<>("Ann"), new Tuple1<>("Bob"), new Tuple1<>("Cy"), new Tuple1<>("Ed")), c.execute(q).all());
    }

    @Test
    void liveResults() {
        var ages = select(USERS.AGE);
        assertEquals(5, c.execute(ages.unionAll(select(USERS.AGE).where(USERS.AGE.gt(1000)))).all().size());
        assertEquals(4, c.execute(ages.union(ages)).all().size()); // 30 appears twice
        assertEquals(List.of(new Tuple1<>(30), new Tuple1<>(70)),
                c.execute(ages.intersect(select(USERS.AGE).where(USERS.AGE.between(20, 80))).orderBy(USERS.AGE)).all());
        assertEquals(List.of(new Tuple1<>(12), new Tuple1<>(90)),
                c.execute(ages.except(select(USERS.AGE).where(USERS.AGE.between(20, 80))).orderBy(USERS.AGE)).all());
        List<Tuple2<String, Integer>> page = c.execute(select(USERS.NAME, USERS.AGE).where(USERS.AGE.lt(50))
                .union(select(USERS.NAME, USERS.AGE).where(USERS.AGE.gt(80))).orderBy(USERS.AGE.desc(), USERS.NAME).limit(2).offset(1)).all();
        assertEquals(List.of(new Tuple2<>("Bob", 30), new Tuple2<>("Di", 30)), page);
    }

    @Test
    void intersectAllAndExceptAllAreRefusedOnSqlite() {
        var ages = select(USERS.AGE);
        CompileError e = assertThrows(CompileError.class, () -> sql(ages.intersectAll(ages)));
        assertEquals("INTERSECT ALL is not supported by SQLite", e.getMessage());
        e = assertThrows(CompileError.class, () -> sql(ages.exceptAll(ages)));
        assertEquals("EXCEPT ALL is not supported by SQLite", e.getMessage());
        assertEquals("SELECT users.age FROM users INTERSECT ALL SELECT users.age FROM users",
                GenericDialect.INSTANCE.compile(ages.intersectAll(ages)).sql());
    }

    @Test
    void compoundAsInSubquery() {
        var q = select(USERS.NAME).where(USERS.AGE.in(select(USERS.AGE).where(USERS.AGE.lt(20)).union(select(USERS.AGE).where(USERS.AGE.gt(80)))))
                .orderBy(USERS.NAME);
        assertEquals("SELECT users.name FROM users WHERE users.age IN (SELECT users.age FROM users WHERE users.age < ? "
                + "UNION SELECT users.age FROM users WHERE users.age > ?) ORDER BY users.name", sql(q));
        assertEquals(List.of(new Tuple1<>("Ann"), new Tuple1<>("Ed")), c.execute(q).all());
        assertEquals(3, c.execute(select(USERS.NAME).where(USERS.AGE.notIn(select(USERS.AGE).where(USERS.AGE.lt(20))
                .union(select(USERS.AGE).where(USERS.AGE.gt(80)))))).all().size());
    }

    @Test
    void compoundAsDerivedTable() {
        var both = select(USERS.NAME, USERS.AGE).where(USERS.AGE.lt(20)).unionAll(select(USERS.NAME, USERS.AGE).where(USERS.AGE.eq(30)))
                .subquery("picked");
        var q = select(count(), sum(both.get(USERS.AGE))).from(both);
        assertEquals("SELECT count(*), sum(picked.age) FROM (SELECT users.name, users.age FROM users WHERE users.age < ? "
                + "UNION ALL SELECT users.name, users.age FROM users WHERE users.age = ?) AS picked", sql(q));
        assertEquals(new Tuple2<>(3L, 72), c.execute(q).one());
        var joined = select(USERS.NAME).from(USERS).join(both, both.get(USERS.NAME).eq(USERS.NAME)).where(USERS.AGE.gt(20)).orderBy(USERS.NAME);
        assertEquals(List.of(new Tuple1<>("Bob"), new Tuple1<>("Di")), c.execute(joined).all());
    }

    @Test
    void cacheKeySeparatesOperators() {
        var a = select(USERS.AGE);
        c.execute(a.union(a)).all();
        long misses = engine.cacheStats().misses();
        c.execute(a.unionAll(a)).all();
        assertEquals(misses + 1, engine.cacheStats().misses());
        c.execute(a.unionAll(a)).all();
        assertEquals(misses + 1, engine.cacheStats().misses());
    }
}
