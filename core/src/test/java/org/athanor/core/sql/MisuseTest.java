package org.athanor.core.sql;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misuse is caught where it happens, with a message naming what was wrong and what was expected. */
class MisuseTest {
    static String message(Class<? extends Throwable> type, Executable call) { return assertThrows(type, call).getMessage(); }

    @Test
    void valuesOfTheWrongTypeAreRejected() {
        assertEquals("value x of java.lang.String does not fit SQL type INTEGER (expected java.lang.Integer)",
                message(IllegalArgumentException.class, () -> USERS.AGE.in("x")));
        assertEquals("value 3.5 of java.lang.Double does not fit SQL type BIGINT (expected java.lang.Long)",
                message(IllegalArgumentException.class, () -> USERS.ID.notIn(1L, 3.5)));
        assertEquals("value 5000000000 of java.lang.Long does not fit SQL type INTEGER (expected java.lang.Integer)",
                message(IllegalArgumentException.class, () -> insert(USERS).columns(USERS.AGE).values(5_000_000_000L)));
    }

    @Test
    void insertValuesMustMatchTheColumns() {
        assertEquals("values() got 1 values for 2 columns [name, age] of table users",
                message(IllegalArgumentException.class, () -> insert(USERS).columns(USERS.NAME, USERS.AGE).values("a")));
        assertEquals("values(...) needs columns(...) first, on table users", message(IllegalStateException.class, () -> insert(USERS).values("a")));
        assertEquals("columns() must come before values()",
                message(IllegalStateException.class, () -> insert(USERS).columns(USERS.NAME).values("a").columns(USERS.AGE)));
        String m = message(IllegalArgumentException.class, () -> insert(USERS).values(List.of(Insert.row(USERS.NAME, "a"), Insert.row(USERS.AGE, 1))));
        assertEquals("every row of a multi-row insert must name the same columns [name]; got [age]", m);
        assertEquals("fromSelect: 2 columns but the select has 1",
                message(IllegalArgumentException.class, () -> insert(USERS).fromSelect(List.of(USERS.NAME, USERS.AGE), select(POSTS.TITLE))));
    }

    @Test
    void columnsOfAnotherTableAreRejected() {
        assertEquals("column posts.title does not belong to table users", message(IllegalArgumentException.class, () -> insert(USERS).set(POSTS.TITLE, "t")));
        assertEquals("column posts.title does not belong to table users", message(IllegalArgumentException.class, () -> update(USERS).set(POSTS.TITLE, "t")));
        assertEquals("column u.name does not belong to table users", message(IllegalArgumentException.class, () -> update(USERS).set(USERS.as("u").NAME, "t")));
    }

    @Test
    void unknownColumnsListTheColumnsThereAre() {
        assertEquals("table users has no column 'nope'; its columns are [id, name, age, email]",
                message(IllegalArgumentException.class, () -> USERS.column("nope")));
        assertEquals("column users.name holds java.lang.String (VARCHAR(50)), not java.lang.Integer",
                message(IllegalArgumentException.class, () -> USERS.column("name", Integer.class)));
        assertSame(USERS.NAME, USERS.column("NAME"), "a name differing only in case still finds the column");
    }

    @Test
    void typeParametersAreValidated() {
        assertEquals("varchar length must be positive, got 0", message(IllegalArgumentException.class, () -> SqlTypes.varchar(0)));
        assertEquals("numeric(precision, scale) needs 0 < precision and 0 <= scale <= precision, got (0, 0)",
                message(IllegalArgumentException.class, () -> SqlTypes.numeric(0, 0)));
        assertTrue(message(IllegalArgumentException.class, () -> SqlTypes.numeric(5, 6)).endsWith("got (5, 6)"));
        assertTrue(message(IllegalArgumentException.class, () -> SqlTypes.forClass(Thread.class)).startsWith("no SQL type is known for Java class java.lang.Thread"));
    }

    @Test
    void selectsAndClausesNeedTheirParts() {
        assertEquals("select() needs at least one column or expression", message(IllegalArgumentException.class, () -> select()));
        assertEquals("select() needs at least one column or expression", message(IllegalArgumentException.class, () -> select(List.of())));
        assertEquals("limit must be >= 0, got -1", message(IllegalArgumentException.class, () -> select(USERS.ID).limit(-1)));
        assertEquals("offset must be >= 0, got -5", message(IllegalArgumentException.class, () -> select(USERS.ID).offset(-5)));
        assertEquals("AND was given a null condition", message(IllegalArgumentException.class, () -> and(USERS.AGE.gt(1), null)));
        assertEquals("a label needs a non-empty name", message(IllegalArgumentException.class, () -> USERS.NAME.as("")));
        assertTrue(message(IllegalArgumentException.class, () -> select(count()).join(POSTS)).contains("the select has no FROM to join from"));
    }

    @Test
    void joinsWithoutAForeignKeyNeedAnOnClause() {
        Table tags = Table.of("tags", col("id", SqlTypes.BIGINT, Table.Options.primaryKey()));
        assertEquals("no foreign key links [users] and tags; give the ON clause explicitly",
                message(IllegalArgumentException.class, () -> select(USERS.NAME).join(tags)));
        assertEquals("no foreign key links [users] and tags; give the ON clause explicitly",
                message(IllegalArgumentException.class, () -> USERS.leftJoin(tags)));
    }

    @Test
    void tableDeclarationsAreChecked() {
        assertTrue(message(IllegalArgumentException.class, () -> Table.of("t", col("a", SqlTypes.TEXT), col("a", SqlTypes.TEXT)))
                .equals("table t declares column 'a' twice"));
        assertEquals("column t.a is autoincrement but its type TEXT is not an integer type",
                message(IllegalArgumentException.class, () -> Table.of("t", col("a", SqlTypes.TEXT, Table.Options.autoincrement()))));
        assertEquals("primary key column t.a cannot be nullable",
                message(IllegalArgumentException.class, () -> Table.of("t", col("a", SqlTypes.BIGINT, Table.Options.primaryKey(), Table.Options.nullable()))));
        assertTrue(message(IllegalArgumentException.class, () -> MetaData.of(USERS.as("u"))).startsWith("MetaData holds tables, not aliases"));
        assertEquals("insert() needs a table, not an alias or subquery: users AS u", message(IllegalArgumentException.class, () -> insert(USERS.as("u"))));
    }

    @Test
    void engineOptionsAreValidatedEarly() {
        assertEquals("poolSize cannot be less than 1, got 0", message(IllegalArgumentException.class, () -> EngineOptions.defaults().poolSize(0)));
        assertEquals("statementCacheSize cannot be negative, got -1",
                message(IllegalArgumentException.class, () -> EngineOptions.defaults().statementCacheSize(-1)));
        assertEquals("fetchSize cannot be negative, got -2", message(IllegalArgumentException.class, () -> EngineOptions.defaults().fetchSize(-2)));
        assertEquals("connectionTimeout must be at least 250 ms, got PT0.01S",
                message(IllegalArgumentException.class, () -> EngineOptions.defaults().connectionTimeout(Duration.ofMillis(10))));
        assertTrue(message(IllegalArgumentException.class, () -> EngineOptions.defaults().connectionTimeout(null)).startsWith("connectionTimeout must be"));
    }

    @Test
    void rowsSayWhichColumnsTheyHave() {
        Row r = new Row(new RowLayout(List.of("a", "b"), List.of()), new Object[] {1, 2});
        assertEquals("row has 2 columns [a, b], no index 2", message(IndexOutOfBoundsException.class, () -> r.get(2)));
        assertEquals("no column named 'c' in this result; its columns are [a, b]", message(IllegalArgumentException.class, () -> r.get("c")));
        assertEquals("expression users.name is not in this result; its columns are [a, b]",
                message(IllegalArgumentException.class, () -> r.get(USERS.NAME)));
    }
}
