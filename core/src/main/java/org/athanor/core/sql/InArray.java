package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * {@code x [NOT] IN} a list of values bound as <em>one</em> array parameter: {@code x = ANY(?)}, negated
 * {@code x <> ALL(?)} (both keep IN's NULL semantics; an empty list is false, negated true). One parameter
 * whatever the list's length, so every list shares one statement text and one cache key, and no placeholder list
 * is built, keyed or bound. Only dialects with the form render it
 * ({@link org.athanor.core.compile.DialectFeatures#supportsAnyArray()}, for element types their
 * {@code Dialect.arrayElementName} names: numbers, strings, booleans, UUIDs on PostgreSQL); the others refuse it
 * when compiling, so a caller serving several databases checks both and uses {@link Expression#in(Collection)}
 * otherwise:
 * <pre>{@code
 * Condition c = dialect.features().supportsAnyArray() && dialect.arrayElementName(BIGINT) != null
 *         ? POSTS.USER_ID.inArray(ids)      // user_id = ANY(?)
 *         : POSTS.USER_ID.in(ids);          // user_id IN (?, ?, ...)
 * }</pre>
 *
 * @param values the list as one parameter: its value an unmodifiable {@code List} of the operand's Java type, its
 *               type the operand's type (the element type), which the dialect turns into its array type when binding
 */
public record InArray(Expression<?> operand, Param<?> values, boolean negated) implements Condition {
    /**
     * The condition over {@code values}, each checked and converted as {@link Expression#bind} does (an Integer is
     * accepted for a BIGINT operand).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static InArray of(Expression<?> operand, Collection<?> values, boolean negated) {
        SqlType<?> type = operand.type();
        List<Object> list = new ArrayList<>(values.size());
        for (Object v : values) {
            if (v instanceof Expression<?>)
                throw new IllegalArgumentException("inArray binds values, not expressions (" + v + "): use in(...) for a list "
                        + "of expressions");
            list.add(v == null ? null : type.cast(v));
        }
        return new InArray(operand, new Param(Collections.unmodifiableList(list), type), negated);
    }

    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitInArray(this); }

    /** The list's values (the parameter's value). */
    public List<?> list() { return (List<?>) values.value(); }

    @Override
    public void key(KeyBuilder k) {
        k.add(InArray.class);
        k.add(negated);
        operand.key(k);
        k.param(values); // its type (the element type) joins the key; the list, whatever its length, does not
    }
}
