package org.athanor.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.athanor.core.engine.Connection;

/** Raw JDBC helpers for live tests: what the server itself says, independent of Athanor's reading. */
final class MysqlLive {
    private MysqlLive() {}

    static String showCreateTable(Connection c, String table) {
        return string(c, "SHOW CREATE TABLE `" + table.replace("`", "``") + "`", 2);
    }

    static String string(Connection c, String sql, int column) {
        try (Statement st = c.jdbc().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) throw new AssertionError("no row from " + sql);
            return rs.getString(column);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    static Object object(Connection c, String sql) {
        try (Statement st = c.jdbc().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) throw new AssertionError("no row from " + sql);
            return rs.getObject(1);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    static long connectionId(Connection c) { return Long.parseLong(string(c, "SELECT CONNECTION_ID()", 1)); }
}
