package org.athanor.sqlite;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * The functions behind SQLite's {@code x REGEXP p} (which calls {@code regexp(p, x)}) and
 * {@code regexp_replace(x, p, r)}, which SQLite leaves to the application: java.util.regex, a match
 * anywhere in x (find), every match replaced ({@code $1} back-references). NULL in, NULL out.
 * Registered on every connection by {@link SqliteDialect#onConnect}.
 */
final class SqliteRegexp {
    private SqliteRegexp() {}

    static void register(java.sql.Connection connection) throws SQLException {
        SQLiteConnection c = connection.unwrap(SQLiteConnection.class);
        try {
            Function.create(c, "regexp", new Match(), 2, Function.FLAG_DETERMINISTIC);
            Function.create(c, "regexp_replace", new Replace(), 3, Function.FLAG_DETERMINISTIC);
        } catch (SQLException e) {
            // SQLite refuses to replace a function while a statement of the connection is active
            // (SQLITE_BUSY). An application's DataSource may hand one connection out again while it
            // is in use (a Spring transaction shares its connection), and the functions are already
            // there from the first checkout: that is fine; a connection without them is not.
            if (!registered(c)) throw e;
        }
    }

    /** Whether both functions answer on {@code c}. */
    private static boolean registered(SQLiteConnection c) {
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT regexp('a', 'a'), regexp_replace('a', 'a', 'b')")) {
            return rs.next() && rs.getInt(1) == 1 && "b".equals(rs.getString(2));
        } catch (SQLException e) {
            return false;
        }
    }

    /** Compiled patterns of one connection (SQLite calls a connection's functions from one thread at a time). */
    private abstract static class Cached extends Function {
        private final Map<String, Pattern> patterns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Pattern> e) { return size() > 64; }
        };

        Pattern pattern(String p) throws SQLException {
            Pattern compiled = patterns.get(p);
            if (compiled == null) {
                try {
                    compiled = Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    throw new SQLException("invalid regular expression " + p + ": " + e.getDescription());
                }
                patterns.put(p, compiled);
            }
            return compiled;
        }
    }

    private static final class Match extends Cached {
        @Override
        protected void xFunc() throws SQLException {
            String p = value_text(0), s = value_text(1);
            if (p == null || s == null) result();
            else result(pattern(p).matcher(s).find() ? 1 : 0);
        }
    }

    private static final class Replace extends Cached {
        @Override
        protected void xFunc() throws SQLException {
            String s = value_text(0), p = value_text(1), r = value_text(2);
            if (s == null || p == null || r == null) result();
            else result(pattern(p).matcher(s).replaceAll(r));
        }
    }
}
