package org.athanor.orm.mapping;

import java.lang.reflect.Field;

/**
 * The inverse side of a one-to-one, {@code @OneToOne(mappedBy = "writer") Profile profile} on {@code Writer}:
 * it owns no column; the target's owning {@code @OneToOne} (whose key column is UNIQUE) is the relationship.
 * The session loads it with its object, one batched select per query result (never one per row), and keeps
 * it in step with the owning side at each flush (the owning side is what is written).
 *
 * <pre>{@code
 * InverseOne profile = ClassMapping.of(Writer.class).inverseOne("profile");
 * profile.mappedBy();   // "writer", the Profile.writer reference
 * }</pre>
 */
public final class InverseOne {
    private final String name;
    private final Field field;
    private final FieldAccess handle;
    private final Class<?> target;
    private final String mappedBy;
    private final boolean cascadeRemove;
    /** The field's cascades (REMOVE as {@link #cascadeRemove()}; MERGE, REFRESH, DETACH). */
    private final Cascading cascading;

    InverseOne(String name, Field field, Class<?> target, String mappedBy, boolean cascadeRemove) {
        this.name = name;
        this.field = field;
        this.target = target;
        this.mappedBy = mappedBy;
        this.cascadeRemove = cascadeRemove;
        this.handle = Accessors.fieldHandle(field, name);
        this.cascading = Cascading.of(field);
    }

    /** The field's cascades: MERGE, REFRESH and DETACH carry {@code merge}, {@code refresh} and {@code expunge} to the related object. */
    public Cascading cascading() { return cascading; }

    public String name() { return name; }
    /** The related entity class (the one holding the owning {@code @OneToOne}). */
    public Class<?> target() { return target; }
    /** The name of the target's owning {@code @OneToOne} this field mirrors. */
    public String mappedBy() { return mappedBy; }
    /** CascadeType.REMOVE or ALL: deleting this object deletes the related one (else its reference is set to NULL). */
    public boolean cascadeRemove() { return cascadeRemove; }

    /** The related object held by {@code entity}, or null. */
    public Object get(Object entity) { return handle.get(entity); }
    public void set(Object entity, Object related) { handle.set(entity, related); }

    @Override public String toString() { return field.getDeclaringClass().getSimpleName() + "." + name + " <- " + target.getSimpleName() + "." + mappedBy; }
}
