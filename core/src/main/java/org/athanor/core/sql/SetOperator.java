package org.athanor.core.sql;

/** The operators combining the members of a {@link CompoundSelect}. */
public enum SetOperator {
    UNION("UNION"), UNION_ALL("UNION ALL"), INTERSECT("INTERSECT"), INTERSECT_ALL("INTERSECT ALL"),
    EXCEPT("EXCEPT"), EXCEPT_ALL("EXCEPT ALL");

    private final String sql;

    SetOperator(String sql) { this.sql = sql; }

    public String sql() { return sql; }

    /** INTERSECT and INTERSECT ALL, which bind tighter than the others. */
    public boolean isIntersect() { return this == INTERSECT || this == INTERSECT_ALL; }

    /** INTERSECT ALL and EXCEPT ALL, which not every database has. */
    public boolean isMultisetIntersectOrExcept() { return this == INTERSECT_ALL || this == EXCEPT_ALL; }
}
