package org.athanor.core.sql;

import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code x [NOT] LIKE pattern [ESCAPE 'c']}, optionally case-insensitive. */
public record Like(Expression<?> operand, Expression<?> pattern, Character escape, boolean negated, boolean caseInsensitive)
        implements Condition {
    /** The escape character used by startsWith/endsWith/contains. */
    public static final char ESCAPE = '/';

    /** Escapes {@code %}, {@code _} and the escape character itself so that {@code s} matches literally. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%' || ch == '_' || ch == ESCAPE) b.append(ESCAPE);
            b.append(ch);
        }
        return b.toString();
    }

    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlCompiler c) { c.visitLike(this); }
    @Override public void key(KeyBuilder k) { k.add(Like.class); k.add(escape); k.add(negated); k.add(caseInsensitive); operand.key(k); pattern.key(k); }
}
