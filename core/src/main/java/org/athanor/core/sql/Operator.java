package org.athanor.core.sql;

/** Binary and unary operators. The ANSI spelling is the default; dialects may respell one. */
public enum Operator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
    PLUS("+"), MINUS("-"), TIMES("*"), DIV("/"), MOD("%"), CONCAT("||"),
    AND("AND"), OR("OR"), NEG("-");

    private final String sql;

    Operator(String sql) { this.sql = sql; }

    public String sql() { return sql; }

    public boolean isComparison() { return ordinal() <= GE.ordinal(); }
}
