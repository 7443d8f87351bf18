package org.athanor.core.sql;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.fixtures.Users;
import org.junit.jupiter.api.Test;

/**
 * Finding a result column by expression. A statement served from the statement cache keeps the result
 * expressions of the build it was compiled for, so an expression built again alike is found by its key and
 * values, never an expression that differs in a value or a table.
 */
class RowLayoutTest {
    private static List<Expression<?>> columns(Users a) {
        return List.of(a.ID, upper(a.NAME), a.AGE.plus(1), a.AGE.plus(2), count());
    }

    @Test
    void expressionsBuiltAgainAlikeAreFound() {
        RowLayout layout = new RowLayout(List.of("id", "upper", "p1", "p2", "count"), columns(USERS.as("a")));
        List<Expression<?>> again = columns(USERS.as("a"));
        for (int i = 0; i < again.size(); i++) assertEquals(i, layout.indexOf(again.get(i)), again.get(i).toString());
        assertEquals(2, layout.indexOf(USERS.as("a").AGE.plus(1)));
        assertEquals(3, layout.indexOf(USERS.as("a").AGE.plus(2)), "another value: another column");
    }

    @Test
    void anotherTableOrValueIsNotFound() {
        RowLayout layout = new RowLayout(List.of("id", "upper", "p1", "p2", "count"), columns(USERS.as("a")));
        assertThrows(IllegalArgumentException.class, () -> layout.indexOf(upper(USERS.as("b").NAME)));
        assertThrows(IllegalArgumentException.class, () -> layout.indexOf(upper(USERS.NAME)));
        assertThrows(IllegalArgumentException.class, () -> layout.indexOf(USERS.as("a").AGE.plus(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.indexOf(USERS.as("a").EMAIL));
        assertTrue(e.getMessage().contains("is not in this result"), e.getMessage());
    }
}
