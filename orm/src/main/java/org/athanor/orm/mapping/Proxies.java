package org.athanor.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;

/**
 * Finds the proxy class athanor-orm-processor generates for the target of a {@code fetch = LAZY}
 * reference ({@code User_Proxy extends User}). Without it the mapping is refused rather than loaded
 * eagerly: the same mapping must not behave differently by build setup.
 */
final class Proxies {
    private Proxies() {}

    /** The constructor of {@code target}'s proxy for the LAZY reference {@code where} (a {@code @ManyToOne} or {@code @OneToOne}). */
    static MethodHandle constructor(Class<?> cls, String field, String kind, Class<?> target) {
        String where = MappingException.where(cls, field);
        if (polymorphic(target))
            throw new MappingException(where + ": " + kind + "(fetch = LAZY) on a reference to " + target.getSimpleName()
                    + ", which is part of an inheritance hierarchy: a proxy is made before the row is read, so it cannot "
                    + "know which class the row is; remove fetch = LAZY (the reference then loads batched with the query)");
        String name = Accessors.generatedName(target, "_Proxy");
        Class<?> c;
        try {
            c = Class.forName(name, true, target.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MappingException(where + ": " + kind + "(fetch = LAZY) needs the generated " + name + ": compile "
                    + (target == cls ? cls.getSimpleName() : cls.getSimpleName() + " and " + target.getSimpleName())
                    + " with athanor-orm-processor, or remove fetch = LAZY (the reference then loads batched with the query)");
        }
        if (c.getSuperclass() != target || !EntityProxy.class.isAssignableFrom(c))
            throw new MappingException(where + ": " + name + " is not the proxy athanor-orm-processor generates for "
                    + target.getName() + " (it must extend it and implement EntityProxy); recompile with the processor");
        try {
            return Accessors.lookup(target, c).findConstructor(c, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(EntityProxy.class));
        } catch (ReflectiveOperationException e) {
            throw new MappingException(where + ": cannot use the generated " + name + ": " + e, e);
        }
    }

    /**
     * Whether {@code target} may have rows of more than one class: abstract, under {@code @Inheritance}, or
     * below an entity superclass. (Every hierarchy declares {@code @Inheritance} on its root: an entity
     * extending one without it is a mapping error of its own.)
     */
    static boolean polymorphic(Class<?> target) {
        if (Modifier.isAbstract(target.getModifiers())) return true;
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(jakarta.persistence.Inheritance.class)) return true;
            if (c != target && c.isAnnotationPresent(jakarta.persistence.Entity.class)) return true;
        }
        return false;
    }
}
