package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.Iterator;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.Result;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.MetaData;
import org.junit.jupiter.api.Test;

/** A Connection reuses prepared statements while checked out; results must never interfere. */
class StatementReuseTest {
    private static Engine engineWithUsers() {
        Engine engine = Engine.create("sqlite://");
        MetaData.of(USERS).createAll(engine);
        engine.transaction(c -> {
            for (int i = 1; i <= 5; i++) c.execute(insert(USERS).set(USERS.NAME, "u" + i).set(USERS.AGE, i));
        });
        return engine;
    }

    @Test
    void twoOpenResultsOfTheSameShapeReadTheirOwnRows() {
        try (Engine engine = engineWithUsers(); Connection c = engine.connect()) {
            try (Result<Tuple1<String>> a = c.execute(select(USERS.NAME).where(USERS.AGE.le(2)).orderBy(USERS.AGE));
                 Result<Tuple1<String>> b = c.execute(select(USERS.NAME).where(USERS.AGE.le(5)).orderBy(USERS.AGE))) {
                Iterator<Tuple1<String>> ia = a.iterator();
                Iterator<Tuple1<String>> ib = b.iterator();
                assertEquals("u1", ia.next()._1);
                assertEquals("u1", ib.next()._1);
                assertEquals("u2", ia.next()._1);
                assertEquals("u2", ib.next()._1);
                assertFalse(ia.hasNext());
                assertEquals("u3", ib.next()._1);
            }
        }
    }

    @Test
    void aRepeatedShapeReadsTheNewValuesAfterTheFirstResultIsClosed() {
        try (Engine engine = engineWithUsers(); Connection c = engine.connect()) {
            for (int age = 1; age <= 5; age++) {
                Tuple2<String, Integer> row = c.execute(select(USERS.NAME, USERS.AGE).where(USERS.AGE.eq(age))).one();
                assertEquals(new Tuple2<>("u" + age, age), row);
            }
            Result<Tuple1<String>> r = c.execute(select(USERS.NAME).where(USERS.AGE.eq(3)));
            r.close();
            r.close(); // a second close must not hand the statement back twice
            assertEquals("u4", c.execute(select(USERS.NAME).where(USERS.AGE.eq(4))).one()._1);
            assertEquals("u5", c.execute(select(USERS.NAME).where(USERS.AGE.eq(5))).one()._1);
        }
    }

    @Test
    void aFailedDmlLeavesTheConnectionUsableForTheSameShape() {
        try (Engine engine = engineWithUsers(); Connection c = engine.connect()) {
            c.execute(update(USERS).set(USERS.EMAIL, "a@x").where(USERS.AGE.eq(1)));
            assertThrows(IntegrityError.class, () -> c.execute(update(USERS).set(USERS.EMAIL, "a@x").where(USERS.AGE.eq(2))));
            assertEquals(1, c.execute(update(USERS).set(USERS.EMAIL, "b@x").where(USERS.AGE.eq(2))));
            assertEquals(List.of(new Tuple1<>("b@x")), c.execute(select(USERS.EMAIL).where(USERS.AGE.eq(2))).all());
        }
    }

    @Test
    void statementsKeptOpenDoNotOutliveTheCheckoutOrBlockDdl() {
        try (Engine engine = engineWithUsers()) {
            try (Connection c = engine.connect()) {
                assertEquals(5, c.execute(select(USERS.ID)).all().size());
                c.executeSql("DROP TABLE users");
                c.executeSql("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, age INTEGER, email VARCHAR(100))");
                assertEquals(0, c.execute(select(USERS.ID)).all().size());
                c.commit();
            }
            try (Connection c = engine.connect()) {
                assertEquals(0, c.execute(select(USERS.ID)).all().size());
            }
        }
    }
}
