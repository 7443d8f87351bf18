package org.athanor.core.sql;

/** Something that can stand in FROM: a table, an alias, a join, a derived table. */
public interface FromItem extends SqlNode {
    /** INNER JOIN with the ON clause inferred from the single foreign key between the two sides. */
    default Join join(FromItem right) { return Join.infer(this, right, JoinType.INNER); }
    default Join join(FromItem right, Expression<Boolean> on) { return new Join(this, right, JoinType.INNER, on); }
    default Join leftJoin(FromItem right) { return Join.infer(this, right, JoinType.LEFT); }
    default Join leftJoin(FromItem right, Expression<Boolean> on) { return new Join(this, right, JoinType.LEFT, on); }
    default Join rightJoin(FromItem right) { return Join.infer(this, right, JoinType.RIGHT); }
    default Join rightJoin(FromItem right, Expression<Boolean> on) { return new Join(this, right, JoinType.RIGHT, on); }
    default Join fullJoin(FromItem right) { return Join.infer(this, right, JoinType.FULL); }
    default Join fullJoin(FromItem right, Expression<Boolean> on) { return new Join(this, right, JoinType.FULL, on); }
    default Join crossJoin(FromItem right) { return new Join(this, right, JoinType.CROSS, null); }
}
