package org.athanor.orm.mapping;

import java.lang.invoke.MethodHandles;
import java.util.List;
import org.athanor.orm.internal.mapping.OpenPackages;

/** Finds the generated {@code <Entity>_Accessor}, or builds the MethodHandle fallback, for the attributes and the relationships. */
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
        Object generated = instantiateGenerated(cls);
        if (generated == null) return null;   // the processor did not run: MethodHandles it is
        String name = generatedName(cls, "_Accessor");
        if (!(generated instanceof EntityAccessor<?> a))
            throw MappingException.of(cls, null, name + " exists but does not implement EntityAccessor");
        List<String> expected = attributes.stream().map(Attribute::name).toList();
        if (a.entityClass() != cls || !a.attributeNames().equals(expected))
            throw outOfDate(cls, "attributes " + a.attributeNames(), expected.toString());
        return (EntityAccessor<E>) a;
    }

    /** An instance of {@code cls}'s generated {@code <Entity>_Accessor}, or null when the processor did not run. */
    private static Object instantiateGenerated(Class<?> cls) {
        String name = generatedName(cls, "_Accessor");
        Class<?> c;
        try {
            c = Class.forName(name, true, cls.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ExceptionInInitializerError e) {
            // its static VarHandles name a field the class no longer has (or no longer of that type)
            throw MappingException.of(cls, null, "the generated " + name + " cannot be initialized (" + e.getCause()
                    + "): it is out of date; recompile " + cls.getSimpleName() + " with the annotation processor", e);
        }
        try {
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw MappingException.of(cls, null, "cannot instantiate the generated " + name + ": " + e, e);
        }
    }

    private static MappingException outOfDate(Class<?> cls, String has, String expected) {
        return MappingException.of(cls, null, "the generated " + generatedName(cls, "_Accessor") + " is out of date: it has "
                + has + " but the mapping has " + expected + "; recompile " + cls.getSimpleName() + " with the annotation processor");
    }

    /**
     * How the relationship field {@code field} (named {@code name}) of entity {@code entity}'s mapping is read and
     * written: through {@code entity}'s generated accessor when the processor ran (the accessor of the mapped class,
     * not of the field's declaring class, which may be a mapped superclass), else through method handles. An accessor
     * that does not list the relationship (generated before it was added, or by an older processor) is out of date.
     */
    @SuppressWarnings("unchecked")
    static FieldAccess relationField(Class<?> entity, java.lang.reflect.Field field, String name) {
        Object generated = instantiateGenerated(entity);
        if (generated == null) return fieldHandles(field, name);
        int index = generated instanceof RelationAccessor<?> r ? r.relationNames().indexOf(name) : -1;
        if (index < 0)
            throw outOfDate(entity, generated instanceof RelationAccessor<?> r ? "relationships " + r.relationNames()
                    : "no relationships (it does not implement RelationAccessor)", "the relationship " + name);
        return new FieldAccess.Generated((RelationAccessor<Object>) generated, index);
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

    /** Method handles on a relationship field of an entity; the error names the attribute and how to open the package. */
    private static FieldAccess fieldHandles(java.lang.reflect.Field field, String name) {
        try {
            java.lang.invoke.VarHandle vh = OpenPackages.privateLookup(field.getDeclaringClass()).unreflectVarHandle(field);
            return new FieldAccess.Handles(vh.toMethodHandle(java.lang.invoke.VarHandle.AccessMode.GET),
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
