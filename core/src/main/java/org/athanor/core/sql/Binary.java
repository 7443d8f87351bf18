package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.TypeKind;

/** {@code left op right} for arithmetic and concatenation. */
public record Binary<T>(Expression<?> left, Operator op, Expression<?> right, SqlType<T> type) implements Expression<T> {
    @Override public void accept(SqlVisitor c) { c.visitBinary(this); }
    // the type joins the key: it decides how the result column is read
    @Override public void key(KeyBuilder k) { k.add(op); k.add(type); left.key(k); right.key(k); }

    /**
     * The type of {@code left op right}, SQLAlchemy's numeric promotion: integers widen
     * (SMALLINT &lt; INTEGER &lt; BIGINT) and an integer with a NUMERIC, REAL or DOUBLE operand gives
     * that type; among NUMERIC, REAL and DOUBLE the left operand's type wins, as in SQLAlchemy. The
     * result is typed by the left operand, so that operand must be the wider one: {@code
     * PRICE.times(QUANTITY)} is NUMERIC (BigDecimal), while {@code QUANTITY.times(PRICE)} is refused
     * with an IllegalArgumentException saying to put PRICE first or cast QUANTITY. Operands that
     * are not both numeric keep the left type, as before.
     */
    public static <T> SqlType<T> arithmeticType(Expression<T> left, Operator op, Expression<?> right) {
        SqlType<T> l = left.type();
        SqlType<?> r = right.type();
        TypeKind lk = l.kind(), rk = r.kind();
        if (!lk.isNumeric() || !rk.isNumeric() || l.javaType() == r.javaType()) return l;
        boolean narrower = isInteger(lk) ? !isInteger(rk) || width(rk) > width(lk) : lk == TypeKind.REAL && rk == TypeKind.DOUBLE;
        if (!narrower) return l;
        throw new IllegalArgumentException(lk + " " + op.sql() + " " + rk + " is " + rk + " (" + r.javaType().getSimpleName()
                + "), but the left operand types the result as " + l.javaType().getSimpleName()
                + ": put the " + rk + " operand on the left, or cast the left operand to " + rk + " (Sql.cast(x, type))");
    }

    private static boolean isInteger(TypeKind k) { return k == TypeKind.SMALLINT || k == TypeKind.INTEGER || k == TypeKind.BIGINT; }

    private static int width(TypeKind k) { return k == TypeKind.SMALLINT ? 1 : k == TypeKind.INTEGER ? 2 : 3; }
}
