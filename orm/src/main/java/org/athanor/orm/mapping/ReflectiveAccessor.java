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
    // for @EmbeddedId components and @Embedded values: the holder field's getter/setter and the embeddable's constructor
    private final MethodHandle[] holderGetters;
    private final MethodHandle[] holderSetters;
    private final MethodHandle[] holderConstructors;
    // for @Embedded fields: the indexes of all attributes of the same holder (null otherwise)
    private final int[][] embeddedGroups;
    // what a NULL column stores into a field of an @Embedded value: null, or a primitive's zero
    private final Object[] embeddedNulls;

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
        embeddedGroups = new int[n][];
        embeddedNulls = new Object[n];
        for (int i = 0; i < n; i++) {
            Field h = attributes.get(i).isEmbedded() ? attributes.get(i).holder : null;
            if (h != null && attributes.get(i).isPrimitive())
                embeddedNulls[i] = java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(attributes.get(i).field.getType(), 1), 0);
            if (h != null)
                embeddedGroups[i] = attributes.stream().filter(x -> x.holder == h).mapToInt(Attribute::index).toArray();
        }
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

    /**
     * Sets the attribute. A null for a field of an {@code @Embedded} value leaves an absent value absent
     * (no empty object is made); in a present one it stores null (a primitive field: zero), and the value
     * becomes absent once all its fields are null or zero: a row whose embedded columns are all NULL reads
     * as no value, whether the object is new or re-read.
     */
    @Override
    public void set(E entity, int i, Object value) {
        if (value == null && embeddedGroups[i] != null) {
            setEmbeddedNull(entity, i);
            return;
        }
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

    private void setEmbeddedNull(E entity, int i) {
        try {
            Object holder = holderGetters[i].invokeExact((Object) entity);
            if (holder == null) return;
            setters[i].invokeExact(holder, embeddedNulls[i]);
            for (int j : embeddedGroups[i]) {
                Object v = getters[j].invokeExact(holder);
                if (v != null && !v.equals(embeddedNulls[j])) return;
            }
            holderSetters[i].invokeExact((Object) entity, (Object) null);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }
}
