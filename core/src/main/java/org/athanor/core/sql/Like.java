package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code x [NOT] LIKE pattern [ESCAPE 'c']}, optionally case-insensitive. */
public record Like(Expression<?> operand, Expression<?> pattern, Character escape, boolean negated, boolean caseInsensitive)
        implements Condition {
    /** The escape character used by startsWith/endsWith/contains. */
    public static final char ESCAPE = '/';

    /** Escapes {@code %}, {@code _} and the escape character itself so that {@code s} matches literally. */
    public static String escape(String s) { return escape(s, ESCAPE); }

    /** Like {@link #escape(String)} with the escape character {@code escape}. */
    public static String escape(String s, char escape) {
        checkEscape(escape);
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%' || ch == '_' || ch == escape) b.append(escape);
            b.append(ch);
        }
        return b.toString();
    }

    static char checkEscape(char escape) {
        if (escape == '%' || escape == '_') throw new IllegalArgumentException("a LIKE escape character cannot be a wildcard: '" + escape + "'");
        return escape;
    }

    /**
     * The value of {@code e} escaped in SQL the way {@link #escape(String, char)} escapes a Java string:
     * {@code replace(replace(replace(e, 'c', 'cc'), '%', 'c%'), '_', 'c_')}, so that a column or other
     * expression given to startsWith/endsWith/contains matches literally, as a Java string does.
     */
    static Expression<String> escaped(Expression<?> e, char escape) {
        String c = String.valueOf(checkEscape(escape));
        Expression<?> out = replace(e, c, c + c);
        out = replace(out, "%", c + "%");
        return replace(out, "_", c + "_");
    }

    private static Expression<String> replace(Expression<?> e, String from, String to) {
        return new FunctionCall<>("replace", java.util.List.of(e, Sql.literal(from), Sql.literal(to)), SqlTypes.TEXT, false);
    }

    /** {@code pattern || '%'} and the like, with the wildcards as literals. */
    static Expression<String> concat(Expression<?> a, Expression<?> b) { return new Binary<>(a, Operator.CONCAT, b, SqlTypes.TEXT); }

    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitLike(this); }
    @Override public void key(KeyBuilder k) { k.add(Like.class); k.add(escape); k.add(negated); k.add(caseInsensitive); operand.key(k); pattern.key(k); }
}
