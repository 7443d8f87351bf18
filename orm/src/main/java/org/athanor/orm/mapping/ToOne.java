package org.athanor.orm.mapping;

import java.lang.reflect.Field;
import org.athanor.core.schema.Column;

/**
 * A {@code @ManyToOne} reference: a field holding the related entity, stored in a foreign key column of
 * this entity's table. The column is part of the mapped Core {@link org.athanor.core.schema.Table} (with
 * its FOREIGN KEY constraint), so Core joins infer their ON clause from it.
 *
 * <pre>{@code
 * ToOne author = EntityMapping.of(Post.class).toOne("author");
 * author.column();   // posts.author_id
 * author.target();   // User.class
 * }</pre>
 *
 * The session treats the key column as one more attribute (after the entity's own, see
 * {@link #keyAttribute()}): its value is the related object's id, read when the row is written and
 * turned back into the related object when a row is loaded.
 */
public final class ToOne {
    private final String name;
    private final Field field;
    private final FieldAccess handle;
    private final Class<?> target;
    private final Attribute keyAttribute;
    private final boolean optional;
    /** The @EmbeddedId component whose column this reference shares ({@code @MapsId("studentId")}), or null. */
    private final Attribute mapsId;
    /** For {@code fetch = LAZY}: makes the target's generated proxy; null for an eager reference. */
    private final java.lang.invoke.MethodHandle proxyConstructor;
    /** The field's cascades (REMOVE, MERGE, REFRESH, DETACH; PERSIST is always on). */
    private final Cascading cascading;

    ToOne(String name, Field field, Class<?> target, Attribute keyAttribute, boolean optional, Attribute mapsId,
          java.lang.invoke.MethodHandle proxyConstructor) {
        this.mapsId = mapsId;
        this.name = name;
        this.field = field;
        this.target = target;
        this.keyAttribute = keyAttribute;
        this.optional = optional;
        this.proxyConstructor = proxyConstructor;
        this.handle = Accessors.fieldHandle(field, name);
        this.cascading = Cascading.of(field);
    }

    /**
     * The reference's cascades: REMOVE deletes the referenced object with this one (SQLAlchemy's {@code delete}
     * cascade on a many-to-one: rarely wanted, since other objects may reference it too); MERGE, REFRESH and DETACH
     * carry {@code merge}, {@code refresh} and {@code expunge} to the referenced object.
     */
    public Cascading cascading() { return cascading; }

    /** The same reference with its key at another position (inherited by a subclass, whose value arrays are longer). */
    ToOne withKeyIndex(int index) {
        return index == keyAttribute.index() ? this
                : new ToOne(name, field, target, keyAttribute.withIndex(index), optional, mapsId, proxyConstructor);
    }

    /**
     * {@code fetch = LAZY}: the session puts an unloaded proxy of the target ({@code User_Proxy}, generated
     * by athanor-orm-processor) in the field when the target is not in the session yet, loaded on first use.
     */
    public boolean lazy() { return proxyConstructor != null; }

    /** A new, empty proxy of the target (its {@code <Target>_Proxy}); only for a {@link #lazy()} reference. */
    public EntityProxy newProxy() {
        if (proxyConstructor == null) throw new IllegalStateException(this + " is not fetch = LAZY; it has no proxy");
        try {
            return (EntityProxy) proxyConstructor.invokeExact();
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** The field's name. */
    public String name() { return name; }
    /** The related entity class. */
    public Class<?> target() { return target; }
    /** The foreign key column in this entity's table. */
    public Column<Object> column() { return keyAttribute.column(); }
    /**
     * The foreign key as an attribute of the session's value arrays: its index follows the entity's own
     * attributes ({@code EntityMapping.attributes().size() + position in toOnes()}).
     */
    public Attribute keyAttribute() { return keyAttribute; }
    /** False for {@code @ManyToOne(optional = false)} or {@code @JoinColumn(nullable = false)}: the column is NOT NULL. */
    public boolean optional() { return optional; }

    /**
     * For {@code @MapsId("studentId") @ManyToOne Student student} with an {@code @EmbeddedId}: the key component
     * {@code studentId}, whose column this reference shares (the flush copies the related object's key into it);
     * null for other references. The reference's own key attribute is then neither inserted nor updated.
     */
    public Attribute mapsId() { return mapsId; }

    /** Whether the key column is part of the primary key: {@code @Id} on the reference, or {@code @MapsId}. */
    public boolean partOfKey() { return keyAttribute.isId() || mapsId != null; }

    /** The related object held by {@code entity}, or null. */
    public Object get(Object entity) { return handle.get(entity); }

    /** Sets the related object. */
    public void set(Object entity, Object related) { handle.set(entity, related); }

    @Override public String toString() { return field.getDeclaringClass().getSimpleName() + "." + name + " -> " + target.getSimpleName(); }
}
