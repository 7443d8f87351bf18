package org.athanor.orm;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.RowReader;
import org.athanor.core.sql.Expression;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.mapping.Attribute;

/**
 * A {@link Query#project} target: the record's components matched to the entity's attributes by name
 * and type (checked before any SQL), the columns to select, and the reader that builds one record per
 * row through the canonical constructor. The public method and its documentation are Query's. Moved
 * out of Query unchanged.
 */
final class RecordProjection<R extends Record> {
    /** The attributes' columns, in component order. */
    final Expression<?>[] columns;
    /** Builds one record from a row of {@link #columns}. */
    final RowReader<R> reader;

    RecordProjection(Mapper info, Class<R> recordType) {
        RecordComponent[] comps = recordType.getRecordComponents();
        if (comps == null || comps.length == 0)
            throw new IllegalArgumentException(recordType.getName() + " is not a record with components");
        List<Expression<?>> cols = new ArrayList<>(comps.length);
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            Attribute a = info.mapping.attribute(comps[i].getName());
            Class<?> t = comps[i].getType();
            if (!box(t).isAssignableFrom(a.javaType()))
                throw new IllegalArgumentException("record component " + recordType.getSimpleName() + "." + comps[i].getName() + " is "
                        + t.getName() + " but " + info.name + "." + a.name() + " holds " + a.javaType().getName());
            cols.add(a.column());
            types[i] = t;
        }
        org.athanor.orm.internal.mapping.OpenPackages.require(recordType, "projection record");
        Constructor<R> ctor;
        try {
            ctor = recordType.getDeclaredConstructor(types);
            ctor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + recordType.getName() + ": " + e, e);
        }
        int n = comps.length;
        this.columns = cols.toArray(Expression<?>[]::new);
        this.reader = (rs, t) -> {
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) args[i] = t.resultCodecs()[i].read(rs, i + 1);
            try {
                return ctor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("constructing " + recordType.getName() + " failed: " + e.getCause(), e);
            }
        };
    }

    /** The wrapper of a primitive type ({@code int} gives {@code Integer}), any other type itself. */
    private static Class<?> box(Class<?> c) {
        return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
    }
}
