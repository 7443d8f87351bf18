package org.athanor.core.engine;

import java.sql.Connection;

/** Transaction isolation levels, as JDBC numbers them. */
public enum IsolationLevel {
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbc;

    IsolationLevel(int jdbc) { this.jdbc = jdbc; }

    public int jdbcLevel() { return jdbc; }

    public static IsolationLevel fromJdbc(int level) {
        for (IsolationLevel l : values()) if (l.jdbc == level) return l;
        throw new IllegalArgumentException("unknown JDBC isolation level " + level);
    }
}
