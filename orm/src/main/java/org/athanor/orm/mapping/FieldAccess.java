package org.athanor.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Reads and writes one relationship field ({@link ToOne}, {@link ToMany}, {@link InverseOne}): through the entity's
 * generated accessor ({@link RelationAccessor}, whose {@code static final} VarHandles or plain field accesses the JIT
 * compiles to a field load) when the processor ran, else through method handles — the split the plain attributes have
 * ({@link EntityAccessor}: generated, or {@link ReflectiveAccessor}). Built by {@link Accessors#relationField}.
 */
abstract sealed class FieldAccess permits FieldAccess.Generated, FieldAccess.Handles {
    abstract Object get(Object entity);

    abstract void set(Object entity, Object value);

    /** Relationship {@code index} of the generated accessor. */
    static final class Generated extends FieldAccess {
        private final RelationAccessor<Object> accessor;
        private final int index;

        Generated(RelationAccessor<Object> accessor, int index) {
            this.accessor = accessor;
            this.index = index;
        }

        @Override Object get(Object entity) { return accessor.getRelation(entity, index); }

        @Override void set(Object entity, Object value) { accessor.setRelation(entity, index, value); }
    }

    /**
     * The fallback: method handles typed {@code (Object)Object} and {@code (Object, Object)void}, called with
     * {@code invokeExact} (a {@code VarHandle} held in an instance field would be called with a type other than its
     * own on every access, which costs a type adaptation each time).
     */
    static final class Handles extends FieldAccess {
        private static final MethodType GET = MethodType.methodType(Object.class, Object.class);
        private static final MethodType SET = MethodType.methodType(void.class, Object.class, Object.class);

        private final MethodHandle getter;
        private final MethodHandle setter;

        Handles(MethodHandle getter, MethodHandle setter) {
            this.getter = getter.asType(GET);
            this.setter = setter.asType(SET);
        }

        @Override
        Object get(Object entity) {
            try {
                return (Object) getter.invokeExact(entity);
            } catch (Throwable t) {
                throw Accessors.rethrow(t);
            }
        }

        @Override
        void set(Object entity, Object value) {
            try {
                setter.invokeExact(entity, value);
            } catch (Throwable t) {
                throw Accessors.rethrow(t);
            }
        }
    }
}
