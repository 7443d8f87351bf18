package org.athanor.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.List;

/**
 * The fallback when no generated accessor exists: MethodHandles resolved once per entity, adapted to
 * Object signatures so each call is one {@code invokeExact} (no reflection per call).
 */
final class ReflectiveAccessor<E> implements EntityAccessor<E> {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);
    private static final MethodType CTOR = MethodType.methodType(Object.class);

    private final Class<E> type;
    private final List<String> names;
    private final List<Attribute> attributes;
    private final MethodHandle constructor;
    private final MethodHandle[] getters;
    private final MethodHandle[] setters;
    // for @EmbeddedId components: the holder field's getter/setter and the embeddable's constructor
    private final MethodHandle[] holderGetters;
    private final MethodHandle[] holderSetters;
    private final MethodHandle[] holderConstructors;

    ReflectiveAccessor(Class<E> type, List<Attribute> attributes) {
        this.type = type;
        this.attributes = attributes;
        this.names = attributes.stream().map(Attribute::name).toList();
        int n = attributes.size();
        getters = new MethodHandle[n];
        setters = new MethodHandle[n];
        holderGetters = new MethodHandle[n];
        holderSetters = new MethodHandle[n];
        holderConstructors = new MethodHandle[n];
        MethodHandles.Lookup lookup = Accessors.lookup(type, type);
        try {
            // an abstract entity (the base of a hierarchy) is never instantiated: a row names a concrete class
            constructor = java.lang.reflect.Modifier.isAbstract(type.getModifiers()) ? null
                    : lookup.findConstructor(type, MethodType.methodType(void.class)).asType(CTOR);
            for (int i = 0; i < n; i++) {
                Attribute a = attributes.get(i);
                Field f = a.field;
                MethodHandles.Lookup fl = Accessors.lookup(type, f.getDeclaringClass());
                getters[i] = fl.unreflectGetter(f).asType(GETTER);
                setters[i] = fl.unreflectSetter(f).asType(SETTER);
                if (a.holder != null) {
                    // the @EmbeddedId field may be declared (privately) in a mapped superclass
                    MethodHandles.Lookup hl = Accessors.lookup(type, a.holder.getDeclaringClass());
                    holderGetters[i] = hl.unreflectGetter(a.holder).asType(GETTER);
                    holderSetters[i] = hl.unreflectSetter(a.holder).asType(SETTER);
                    holderConstructors[i] = fl.findConstructor(a.holder.getType(), MethodType.methodType(void.class)).asType(CTOR);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw MappingException.of(type, null, "cannot build MethodHandle accessors: " + e.getMessage());
        }
    }

    @Override public Class<E> entityClass() { return type; }
    @Override public List<String> attributeNames() { return names; }

    @Override
    public E newInstance() {
        if (constructor == null)
            throw new IllegalStateException(type.getName() + " is abstract; only its concrete subclasses are instantiated");
        try {
            return type.cast(constructor.invokeExact());
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    @Override
    public Object get(E entity, int i) {
        try {
            MethodHandle h = holderGetters[i];
            if (h == null) return getters[i].invokeExact((Object) entity);
            Object holder = h.invokeExact((Object) entity);
            return holder == null ? null : getters[i].invokeExact(holder);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    @Override
    public void set(E entity, int i, Object value) {
        Attribute a = attributes.get(i);
        // the same message as the generated accessors give for null
        if (value == null && a.isPrimitive())
            throw new IllegalArgumentException("cannot set " + type.getName() + "." + a.name() + " (a primitive field) to null");
        if (value != null && !a.javaType().isInstance(value))
            throw new IllegalArgumentException("cannot set " + type.getName() + "." + a.name() + " ("
                    + a.field.getType().getName() + ") to " + value + " of " + value.getClass().getName());
        try {
            MethodHandle h = holderGetters[i];
            if (h == null) {
                setters[i].invokeExact((Object) entity, value);
                return;
            }
            Object holder = h.invokeExact((Object) entity);
            if (holder == null) {
                holder = holderConstructors[i].invokeExact();
                holderSetters[i].invokeExact((Object) entity, holder);
            }
            setters[i].invokeExact(holder, value);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }
}
