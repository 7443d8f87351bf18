package org.athanor.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

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
        // a target in a hierarchy was refused by the shared checks (ReferenceChecks)
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
}
