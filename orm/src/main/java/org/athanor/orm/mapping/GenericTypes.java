package org.athanor.orm.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves a field's type as seen from an entity, so that {@code T id} declared in a
 * {@code @MappedSuperclass BaseEntity<T>} maps as {@code Long} for {@code User extends BaseEntity<Long>}.
 */
final class GenericTypes {
    private GenericTypes() {}

    /** The field's erased type as a member of {@code owner}; null when a type variable stays unbound. */
    static Class<?> fieldType(Class<?> owner, Field f) {
        Type t = f.getGenericType();
        if (t instanceof TypeVariable<?> v) t = bindings(owner, f.getDeclaringClass()).getOrDefault(v, v);
        return erase(t);
    }

    /** The class argument of a collection field ({@code List<Post>} gives Post), or null when it has none. */
    static Class<?> elementType(Field f) {
        if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) return c;
        return null;
    }

    private static Map<TypeVariable<?>, Type> bindings(Class<?> owner, Class<?> declaring) {
        Map<TypeVariable<?>, Type> map = new HashMap<>();
        // bottom-up: each class binds its superclass's variables, possibly to its own (already bound) ones
        for (Class<?> c = owner; c != null && c != declaring; c = c.getSuperclass()) {
            if (!(c.getGenericSuperclass() instanceof ParameterizedType p)) continue;
            TypeVariable<?>[] vars = ((Class<?>) p.getRawType()).getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < vars.length; i++) {
                Type a = args[i];
                if (a instanceof TypeVariable<?> av && map.containsKey(av)) a = map.get(av);
                map.put(vars[i], a);
            }
        }
        return map;
    }

    private static Class<?> erase(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (t instanceof GenericArrayType g) {
            Class<?> component = erase(g.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        return null;
    }
}
