package org.athanor.orm.mapping;

import jakarta.persistence.IdClass;
import org.athanor.orm.rules.check.KeyChecks;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * How a user-given id maps to the key: a single value, or an instance of the @IdClass / @EmbeddedId class
 * whose fields (same names as the key attributes) are read with MethodHandles resolved once. Part of the
 * per-class {@link ClassMapping}; the registry's Mapper turns ids into identity keys with it.
 */
public final class IdShape {
    final List<Attribute> ids;
    /** The composite id class (IdClass or the embeddable), or null for a single id. */
    final Class<?> idClass;
    final String idClassKind;
    private final MethodHandle[] readers;

    private IdShape(List<Attribute> ids, Class<?> idClass, String idClassKind, MethodHandle[] readers) {
        this.ids = ids;
        this.idClass = idClass;
        this.idClassKind = idClassKind;
        this.readers = readers;
    }

    static IdShape of(Class<?> entity, List<Attribute> attributes, Field embeddedId) {
        // the key class mirrors the key attributes: the rule shared with the processor (KeyChecks.keyClass)
        ReflectionViews.fail(entity, KeyChecks.keyClass(ReflectionViews.of(entity)));
        List<Attribute> ids = attributes.stream().filter(Attribute::isId).toList();
        IdClass ann = entity.getAnnotation(IdClass.class);
        if (embeddedId != null) return composite(entity, ids, embeddedId.getType(), "@EmbeddedId");
        if (ann != null) return composite(entity, ids, ann.value(), "@IdClass");
        return new IdShape(ids, null, null, null);
    }

    private static IdShape composite(Class<?> entity, List<Attribute> ids, Class<?> idClass, String kind) {
        MethodHandles.Lookup lookup = Accessors.lookup(entity, idClass);
        List<MethodHandle> readers = new ArrayList<>();
        for (Attribute a : ids) {
            Field f = findField(idClass, a.name());
            try {
                readers.add(lookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class)));
            } catch (IllegalAccessException e) {
                throw MappingException.of(entity, null, "cannot read " + idClass.getName() + "." + f.getName() + ": " + e.getMessage());
            }
        }
        return new IdShape(ids, idClass, kind, readers.toArray(MethodHandle[]::new));
    }

    private static Field findField(Class<?> c, String name) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass())
            for (Field f : k.getDeclaredFields()) if (f.getName().equals(name) && !FieldMapper.skipped(f)) return f;
        return null;
    }

    /** The composite id class ({@code @IdClass} or the {@code @EmbeddedId} type), or null for a single id. */
    public Class<?> idClass() { return idClass; }

    /** "@IdClass" or "@EmbeddedId" for a composite id, else null: how error messages name {@link #idClass()}. */
    public String idClassKind() { return idClassKind; }

    /** Key value {@code i} (in key attribute order) of an instance of {@link #idClass()}. */
    public Object read(Object idInstance, int i) {
        try {
            return readers[i].invokeExact(idInstance);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }
}
