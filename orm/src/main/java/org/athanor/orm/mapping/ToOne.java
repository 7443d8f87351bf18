package org.athanor.orm.mapping;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;

/**
 * A {@code @ManyToOne} reference: a field holding the related entity, stored in a foreign key column of
 * this entity's table. The column is part of the mapped Core {@link org.athanor.core.schema.Table} (with
 * its FOREIGN KEY constraint), so Core joins infer their ON clause from it.
 *
 * <pre>{@code
 * ToOne author = ClassMapping.of(Post.class).toOne("author");
 * author.column();   // posts.author_id
 * author.target();   // User.class
 * }</pre>
 *
 * The session treats the key column as one more attribute (after the entity's own, see
 * {@link #keyAttributes()}): its value is the related object's id, read when the row is written and
 * turned back into the related object when a row is loaded. A reference to an entity with a composite key
 * ({@code @IdClass} or {@code @EmbeddedId}) has one key column per key column of the target, in the target's
 * key order ({@link #columns()}), and one composite FOREIGN KEY.
 */
public final class ToOne {
    private final String name;
    private final Field field;
    private final FieldAccess handle;
    private final Class<?> target;
    /** The key columns' attributes, in the target's key order: one, or several for a composite target key. */
    private final List<Attribute> keyAttributes;
    private final boolean optional;
    /** The @EmbeddedId component whose column this reference shares ({@code @MapsId("studentId")}), or null. */
    private final Attribute mapsId;
    /** For {@code fetch = LAZY}: makes the target's generated proxy; null for an eager reference. */
    private final java.lang.invoke.MethodHandle proxyConstructor;
    /** The field's cascades (REMOVE, MERGE, REFRESH, DETACH; PERSIST is always on). */
    private final Cascading cascading;

    ToOne(String name, Field field, Class<?> target, List<Attribute> keyAttributes, boolean optional, Attribute mapsId,
          java.lang.invoke.MethodHandle proxyConstructor) {
        this.mapsId = mapsId;
        this.name = name;
        this.field = field;
        this.target = target;
        this.keyAttributes = List.copyOf(keyAttributes);
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

    /** The same reference with its key columns from another position on (inherited by a subclass, whose value arrays are longer). */
    ToOne withKeyIndex(int index) {
        if (index == keyAttributes.get(0).index()) return this;
        List<Attribute> moved = new ArrayList<>(keyAttributes.size());
        for (int j = 0; j < keyAttributes.size(); j++) moved.add(keyAttributes.get(j).withIndex(index + j));
        return new ToOne(name, field, target, moved, optional, mapsId, proxyConstructor);
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
    /**
     * The foreign key column in this entity's table, for a reference to an entity with a single key column;
     * a reference to a composite key has several, see {@link #columns()}.
     */
    public Column<Object> column() {
        if (keyAttributes.size() != 1)
            throw new IllegalStateException(this + " has " + keyAttributes.size() + " key columns (its target's key is "
                    + "composite); use columns()");
        return keyAttributes.get(0).column();
    }

    /** The foreign key columns in this entity's table, in the order of the target's key columns. */
    public List<Column<Object>> columns() {
        List<Column<Object>> out = new ArrayList<>(keyAttributes.size());
        for (Attribute a : keyAttributes) out.add(a.column());
        return out;
    }

    /** How many key columns the reference has: 1, or the number of the target's key columns. */
    public int width() { return keyAttributes.size(); }

    /**
     * The foreign key columns as attributes of the session's value arrays, in the target's key order: their
     * indexes follow the entity's own attributes and the key attributes of the references before this one.
     */
    public List<Attribute> keyAttributes() { return keyAttributes; }
    /** False for {@code @ManyToOne(optional = false)} or {@code @JoinColumn(nullable = false)}: the column is NOT NULL. */
    public boolean optional() { return optional; }

    /**
     * For {@code @MapsId("studentId") @ManyToOne Student student} with an {@code @EmbeddedId}: the key component
     * {@code studentId}, whose column this reference shares (the flush copies the related object's key into it);
     * null for other references. The reference's own key attribute is then neither inserted nor updated.
     */
    public Attribute mapsId() { return mapsId; }

    /** Whether the key column is part of the primary key: {@code @Id} on the reference, or {@code @MapsId}. */
    public boolean partOfKey() { return keyAttributes.get(0).isId() || mapsId != null; }

    /** The related object held by {@code entity}, or null. */
    public Object get(Object entity) { return handle.get(entity); }

    /** Sets the related object. */
    public void set(Object entity, Object related) { handle.set(entity, related); }

    @Override public String toString() { return field.getDeclaringClass().getSimpleName() + "." + name + " -> " + target.getSimpleName(); }
}
