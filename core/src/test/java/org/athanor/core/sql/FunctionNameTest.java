package org.athanor.core.sql;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** func(name, ...) writes the name into the SQL, so only identifiers (optionally schema.name) are accepted. */
class FunctionNameTest {
    @Test
    void identifiersAndSchemaQualifiedNamesAreAccepted() {
        assertEquals("SELECT my_func(users.age) FROM users", select(func("my_func", SqlTypes.INTEGER, USERS.AGE)).toString());
        assertEquals("SELECT util.f$2(users.age) FROM users", select(func("util.f$2", SqlTypes.INTEGER, USERS.AGE)).toString());
        assertEquals("SELECT Upper(users.name) FROM users", select(func("Upper", SqlTypes.TEXT, USERS.NAME)).toString());
        assertEquals("SELECT _x() FROM users", select(func("_x", SqlTypes.TEXT)).from(USERS).toString());
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        for (String bad : new String[] {"", "1abc", "a b", "f()", "f(1); DROP TABLE users; --", "a.b.c", ".f", "f.", "a..b",
                "f'", "f\"", "f--", "f/*", "f;", "f\n"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> func(bad, SqlTypes.INTEGER, USERS.AGE), bad);
            assertTrue(e.getMessage().startsWith("invalid SQL function name '" + bad + "': expected an identifier"), e.getMessage());
        }
        var npe = assertThrows(NullPointerException.class, () -> func(null, SqlTypes.INTEGER));
        assertEquals("function name", npe.getMessage());
    }
}
