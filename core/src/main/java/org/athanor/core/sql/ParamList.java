package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * A list bound to one {@code text()} parameter, rendered as a parenthesized list of placeholders
 * ({@code IN :ids} becomes {@code IN (?, ?, ?)}), SQLAlchemy's expanding bindparam. Like an
 * expanding {@link InList} its key holds only a size bucket and the list is padded to it with its
 * last value, so lists of similar length share one cached statement. An empty list renders as an
 * empty subquery, so that {@code IN} is false and {@code NOT IN} true.
 *
 * @param elementType the items' type; null only for an empty list given without one (see
 *     {@link Text#bindList})
 */
public record ParamList(List<Param<?>> items, SqlType<?> elementType) implements SqlNode {
    public ParamList { items = List.copyOf(items); }

    /** The values as parameters of {@code type}, or typed each from its class when {@code type} is null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ParamList of(String name, Collection<?> values, SqlType<?> type) {
        List<Param<?>> out = new ArrayList<>(values.size());
        SqlType<?> elementType = type;
        for (Object v : values) {
            if (v == null) throw new IllegalArgumentException("the list bound to :" + name + " holds a null: IN never matches NULL; "
                    + "leave it out, or test IS NULL separately");
            SqlType<?> t = type != null ? type : SqlTypes.forValue(v);
            if (type != null && !type.javaType().isInstance(v))
                throw new IllegalArgumentException("the list bound to :" + name + " holds " + v + " (" + v.getClass().getName()
                        + "), but its element type is " + type + " (" + type.javaType().getName() + ")");
            if (elementType == null) elementType = t;
            out.add(new Param(v, t));
        }
        return new ParamList(out, elementType);
    }

    @Override public void accept(SqlVisitor c) { c.visitParamList(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(ParamList.class);
        int n = items.size(), padded = InList.bucket(n);
        k.add(padded);
        if (n == 0) {
            k.add(elementType);
            return;
        }
        k.markParamStart(this);
        for (Param<?> p : items) p.key(k);
        for (int i = n; i < padded; i++) items.get(n - 1).key(k);
    }
}
