package org.athanor.orm.mapping;

import java.util.List;

/**
 * Instantiates an entity and reads and writes its persistent attributes by position, without
 * reflection. The annotation processor generates one per entity as {@code <Entity>_Accessor}
 * (a public final class with a public no-arg constructor in the entity's package);
 * {@link ClassMapping} uses it when present and falls back to MethodHandles otherwise.
 *
 * <pre>{@code
 * EntityAccessor<User> a = new User_Accessor();
 * User u = a.newInstance();
 * a.set(u, 1, "Alice");          // attribute 1 of ClassMapping.of(User.class).attributes()
 * }</pre>
 *
 * @param <E> the entity class
 */
public interface EntityAccessor<E> {
    Class<E> entityClass();

    /** The persistent attribute names, in the order of {@link ClassMapping#attributes()}. */
    List<String> attributeNames();

    E newInstance();

    /** The attribute's value, boxed. */
    Object get(E entity, int attributeIndex);

    /**
     * Every attribute's value, boxed, into {@code out} at its index ({@code out} holds at least
     * {@link #attributeNames()}{@code .size()} slots): one call where a flush or a snapshot reads
     * a whole object. The generated accessors read the fields in line.
     */
    default void getAll(E entity, Object[] out) {
        for (int i = 0, n = attributeNames().size(); i < n; i++) out[i] = get(entity, i);
    }
    /**
     * Whether attribute {@code attributeIndex} of {@code entity} holds another value than {@code value}, by
     * {@link #sameValue}. The generated accessors compare the field in line, by its type (a primitive with the
     * boxed value, without boxing it; a final type with {@code equals} called directly).
     */
    default boolean differs(E entity, int attributeIndex, Object value) { return !sameValue(get(entity, attributeIndex), value); }

    /**
     * Whether some attribute {@code i} of {@code entity} differs from {@code values[i]} ({@link #differs(Object, int, Object)}),
     * {@code values} holding at least {@link #attributeNames()}{@code .size()} slots (more are not looked at): the
     * flush's dirty check of an object against its snapshot, in one call. The generated accessors compare the
     * fields in line, stopping at the first that differs.
     */
    default boolean differs(E entity, Object[] values) {
        for (int i = 0, n = attributeNames().size(); i < n; i++) if (differs(entity, i, values[i])) return true;
        return false;
    }

    /**
     * Equality as the dirty check sees attribute values: the same object, or both not null and byte arrays with
     * the same content, BigDecimals of the same value ({@code 1.0} is {@code 1.00}), or else {@code a.equals(b)}.
     */
    static boolean sameValue(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof byte[] x && b instanceof byte[] y) return java.util.Arrays.equals(x, y);
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) return x.compareTo(y) == 0;
        return a.equals(b);
    }

    /** Sets the attribute; a null for a primitive field is an error. */
    void set(E entity, int attributeIndex, Object value);

    /**
     * Sets every attribute from {@code values}, in attribute order (a loaded row); generated
     * accessors write the fields in one straight run.
     */
    default void setAll(E entity, Object[] values) {
        for (int i = 0, n = attributeNames().size(); i < n; i++) set(entity, i, values[i]);
    }
}
