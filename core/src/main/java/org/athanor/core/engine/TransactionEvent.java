package org.athanor.core.engine;

/** A transaction boundary told to {@link ExecutionListener#transaction}; {@link #sql()} is how echo shows it. */
public enum TransactionEvent {
    BEGIN("BEGIN (implicit)"), COMMIT("COMMIT"), ROLLBACK("ROLLBACK"), SAVEPOINT("SAVEPOINT"),
    RELEASE_SAVEPOINT("RELEASE SAVEPOINT"), ROLLBACK_TO_SAVEPOINT("ROLLBACK TO SAVEPOINT");

    private final String sql;

    TransactionEvent(String sql) { this.sql = sql; }

    public String sql() { return sql; }
}
