package org.athanor.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Reads and writes one relationship field ({@link ToOne}, {@link ToMany}, {@link InverseOne}) through method
 * handles typed {@code (Object)Object} and {@code (Object, Object)void}, called with {@code invokeExact}: a
 * {@code VarHandle} held in an instance field is called with a type other than its own on every access, which
 * costs a type adaptation each time (it was the largest single item in the relationship loads' profiles).
 */
final class FieldAccess {
    private static final MethodType GET = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SET = MethodType.methodType(void.class, Object.class, Object.class);

    private final MethodHandle getter;
    private final MethodHandle setter;

    FieldAccess(MethodHandle getter, MethodHandle setter) {
        this.getter = getter.asType(GET);
        this.setter = setter.asType(SET);
    }

    Object get(Object entity) {
        try {
            return (Object) getter.invokeExact(entity);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    void set(Object entity, Object value) {
        try {
            setter.invokeExact(entity, value);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }
}
