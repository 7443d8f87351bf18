package org.athanor.core.schema;

/** ON DELETE / ON UPDATE actions of a foreign key. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) { this.sql = sql; }

    public String sql() { return sql; }
}
