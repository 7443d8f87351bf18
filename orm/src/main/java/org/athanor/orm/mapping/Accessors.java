package org.athanor.orm.mapping;

import java.lang.invoke.MethodHandles;
import java.util.List;
import org.athanor.orm.internal.mapping.OpenPackages;

/** Finds the generated {@code <Entity>_Accessor}, or builds the MethodHandle fallback. */
final class Accessors {
    private Accessors() {}

    /**
     * The simple name of a generated class for {@code entity}: nested classes are flattened with '_'
     * ({@code Outer.User -> Outer_User}) because generated classes are top-level in the entity's package.
     */
    static String generatedSimpleName(Class<?> entity, String suffix) {
        StringBuilder b = new StringBuilder(entity.getSimpleName());
        for (Class<?> c = entity.getEnclosingClass(); c != null; c = c.getEnclosingClass()) b.insert(0, c.getSimpleName() + "_");
        return b.append(suffix).toString();
    }

    static String generatedName(Class<?> entity, String suffix) {
        String pkg = entity.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + generatedSimpleName(entity, suffix);
    }

    static <E> EntityAccessor<E> forEntity(Class<E> cls, List<Attribute> attributes) {
        EntityAccessor<E> generated = generated(cls, attributes);
        return generated != null ? generated : new ReflectiveAccessor<>(cls, attributes);
    }

    @SuppressWarnings("unchecked")
    private static <E> EntityAccessor<E> generated(Class<E> cls, List<Attribute> attributes) {
        String name = generatedName(cls, "_Accessor");
        Class<?> c;
        try {
            c = Class.forName(name, true, cls.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;   // the processor did not run: MethodHandles it is
        }
        if (!EntityAccessor.class.isAssignableFrom(c))
            throw MappingException.of(cls, null, name + " exists but does not implement EntityAccessor");
        EntityAccessor<E> a;
        try {
            a = (EntityAccessor<E>) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw MappingException.of(cls, null, "cannot instantiate the generated " + name + ": " + e, e);
        }
        List<String> expected = attributes.stream().map(Attribute::name).toList();
        if (a.entityClass() != cls || !a.attributeNames().equals(expected))
            throw MappingException.of(cls, null, "the generated " + name + " is out of date: it has attributes "
                    + a.attributeNames() + " but the mapping has " + expected + "; recompile " + cls.getSimpleName()
                    + " with the annotation processor");
        return a;
    }

    /** A lookup with private access to {@code target}; the error says how to open a module. */
    static MethodHandles.Lookup lookup(Class<?> entity, Class<?> target) {
        try {
            return OpenPackages.privateLookup(target);
        } catch (IllegalAccessException e) {
            throw MappingException.of(entity, null, "cannot access " + target.getName() + " reflectively ("
                    + e.getMessage() + "); open its package to org.athanor.orm (module-info: opens "
                    + target.getPackageName() + " to org.athanor.orm), or compile it with the annotation processor");
        }
    }

    /** A VarHandle on a relationship field of an entity; the error names the attribute and how to open the package. */
    static FieldAccess fieldHandle(java.lang.reflect.Field field, String name) {
        try {
            java.lang.invoke.VarHandle vh = OpenPackages.privateLookup(field.getDeclaringClass()).unreflectVarHandle(field);
            return new FieldAccess(vh.toMethodHandle(java.lang.invoke.VarHandle.AccessMode.GET),
                    vh.toMethodHandle(java.lang.invoke.VarHandle.AccessMode.SET));
        } catch (IllegalAccessException e) {
            throw new MappingException(MappingException.where(field.getDeclaringClass(), name) + ": the field cannot be "
                    + "accessed (" + e.getMessage() + "); open the entity's package to org.athanor.orm");
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
