package org.athanor.sqlite;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Registering the regexp functions again on a connection that has them, while one of its statements
 * is active (a connection an application's DataSource hands out twice, as a Spring transaction does),
 * is a no-op instead of SQLite's "error creating function".
 */
class SqliteRegexpRegistrationTest {
    @Test
    void registeringAgainWhileAStatementIsActiveKeepsTheFunctions() throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SqliteRegexp.register(c);
            try (PreparedStatement active = c.prepareStatement("SELECT 1 UNION ALL SELECT 2"); ResultSet rs = active.executeQuery()) {
                assertTrue(rs.next()); // stepped, not finished: the statement is active
                SqliteRegexp.register(c);
                try (var st = c.createStatement(); ResultSet r = st.executeQuery("SELECT 'abc' REGEXP 'b', regexp_replace('abc', 'b', 'x')")) {
                    assertTrue(r.next());
                    assertEquals(1, r.getInt(1));
                    assertEquals("axc", r.getString(2));
                }
            }
        }
    }
}
