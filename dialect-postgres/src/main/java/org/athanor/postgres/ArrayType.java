package org.athanor.postgres;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.TypeKind;

/** A one-dimensional PostgreSQL array of a scalar type, seen by Java as a List; see {@link PostgresTypes#arrayOf}. */
final class ArrayType<E> extends SqlType<List<E>> {
    private final SqlType<E> element;
    private final String elementName;
    /** The class of the array a value binds as: the element's own (boxed types are; a primitive's is Object). */
    private final Class<?> bindClass;

    @SuppressWarnings({"unchecked", "rawtypes"})
    ArrayType(SqlType<E> element, String elementName) {
        super((Class) List.class, TypeKind.OTHER, 0, 0, 0, Types.ARRAY);
        this.element = element;
        this.elementName = elementName;
        this.bindClass = element.javaType().isPrimitive() ? Object.class : element.javaType();
    }

    SqlType<E> element() { return element; }

    /** The element's name as {@code createArrayOf} and DDL know it: {@code text}, {@code int8}, ... */
    String elementName() { return elementName; }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, List<E> value) throws SQLException {
        // an array of the element's own class (Long[], not Object[]): pgjdbc then sends numbers, UUIDs and the like in
        // binary, where for an Object[] it builds and escapes the array's text, which the server parses again
        Object[] items = (Object[]) java.lang.reflect.Array.newInstance(bindClass, value.size());
        for (int i = 0; i < items.length; i++) items[i] = element.cast(value.get(i));
        Array a = ps.getConnection().createArrayOf(elementName, items);
        ps.setArray(index, a);
    }

    @Override
    public List<E> read(ResultSet rs, int index) throws SQLException {
        Array a = rs.getArray(index);
        if (a == null) return null;
        try {
            Object[] items = (Object[]) a.getArray();
            Object[] out = new Object[items.length];
            for (int i = 0; i < items.length; i++) out[i] = element.cast(items[i]);
            @SuppressWarnings("unchecked") List<E> list = (List<E>) Collections.unmodifiableList(Arrays.asList(out));
            return list;
        } finally {
            a.free();
        }
    }

    @Override
    public boolean equals(Object o) { return o instanceof ArrayType<?> t && t.elementName.equals(elementName) && t.element.equals(element); }

    @Override
    public int hashCode() { return Objects.hash(ArrayType.class, elementName, element); }

    @Override
    public String toString() { return element + "[]"; }
}
