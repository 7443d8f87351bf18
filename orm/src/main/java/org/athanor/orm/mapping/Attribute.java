package org.athanor.orm.mapping;

import jakarta.persistence.GenerationType;
import java.lang.reflect.Field;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Sequence;

/**
 * One persistent attribute of an entity: a Java field and the Core column it maps to. Fields of an
 * {@code @EmbeddedId} are flattened into one attribute each, named by the embeddable's field; fields of an
 * {@code @Embedded} value likewise, named {@code holder.field}.
 *
 * <pre>{@code
 * Attribute name = ClassMapping.of(User.class).attribute("name");
 * Attribute city = ClassMapping.of(User.class).attribute("address.city");   // a field of an @Embedded value
 * name.column();      // users.name, a Core Column usable in statements
 * }</pre>
 */
public final class Attribute {
    private final String name;
    private final Column<Object> column;
    private final Class<?> javaType;
    private final int index;
    private final boolean id;
    private final boolean version;
    private final GenerationType generation;
    private final Sequence sequence;
    private final boolean insertable;
    private final boolean updatable;
    private final boolean primitive;
    // how the value is reached: field, or holder.field for @EmbeddedId components and @Embedded values
    final Field field;
    final Field holder;

    @SuppressWarnings("unchecked")
    Attribute(String name, Column<?> column, Class<?> javaType, int index, boolean id, boolean version,
              GenerationType generation, Sequence sequence, boolean insertable, boolean updatable,
              Field field, Field holder) {
        this.name = name;
        this.column = (Column<Object>) column;
        this.javaType = javaType;
        this.index = index;
        this.id = id;
        this.version = version;
        this.generation = generation;
        this.sequence = sequence;
        this.insertable = insertable;
        this.updatable = updatable;
        this.primitive = field != null && field.getType().isPrimitive();
        this.field = field;
        this.holder = holder;
    }

    /** The discriminator column of an inheritance hierarchy as a (fieldless, never updated) attribute at {@code index}. */
    static Attribute discriminator(Column<?> column, Class<?> javaType, int index) {
        return new Attribute("<discriminator " + column.name() + ">", column, javaType, index, false, false, null, null,
                true, false, null, null);
    }

    /** The same attribute at another position (a subclass's value arrays are longer than its parent's). */
    Attribute withIndex(int newIndex) {
        return newIndex == index ? this : new Attribute(name, column, javaType, newIndex, id, version, generation, sequence,
                insertable, updatable, field, holder);
    }

    /** The Java field holding the value (for an @EmbeddedId component, the embeddable's field); null for the discriminator. */
    public Field field() { return field; }

    /** True for the discriminator of an inheritance hierarchy (no field: its value is fixed by the class). */
    public boolean isDiscriminator() { return field == null; }

    /** The Java field name (for @EmbeddedId components, the embeddable's field name). */
    public String name() { return name; }
    /** The Core column (raw type for generic code). */
    public Column<Object> column() { return column; }
    /** The field's type, boxed. */
    public Class<?> javaType() { return javaType; }
    /** Position in {@link ClassMapping#attributes()}. */
    public int index() { return index; }
    public boolean isId() { return id; }
    public boolean isVersion() { return version; }
    /** IDENTITY or SEQUENCE for generated keys (AUTO is mapped to IDENTITY); null when the application assigns it. */
    public GenerationType generation() { return generation; }
    /** The sequence's name for SEQUENCE generation, else null. */
    public String sequenceName() { return sequence == null ? null : sequence.name(); }
    /**
     * The sequence for SEQUENCE generation, else null: named by {@code @SequenceGenerator} (or
     * {@code <table>_seq}), starting at its {@code initialValue}, counting up by 1. The session fetches
     * one value per row, so {@code allocationSize} is not used. {@code Registry.of} adds it to the
     * registry's MetaData, so {@code createAll} creates it.
     */
    public Sequence sequence() { return sequence; }
    public boolean insertable() { return insertable; }
    public boolean updatable() { return updatable; }
    /** True when the field is a Java primitive: it can never hold null (a generated key reads 0 until assigned). */
    public boolean isPrimitive() { return primitive; }

    /** Whether {@code value} of this (generated id) attribute means "not assigned yet": null, or 0 in a primitive field. */
    public boolean isUnsetId(Object value) { return value == null || primitive && ((Number) value).longValue() == 0; }
    /** True for a component of an {@code @EmbeddedId}. */
    public boolean isEmbeddedIdComponent() { return holder != null && id; }
    /** True for a field of an {@code @Embedded} value (named {@code holder.field}). */
    public boolean isEmbedded() { return holder != null && !id; }
    /** The entity's {@code @EmbeddedId} or {@code @Embedded} field this attribute is reached through, else null. */
    public Field holder() { return holder; }

    @Override
    public String toString() { return (field == null ? "" : field.getDeclaringClass().getSimpleName() + ".") + name + " -> " + column; }
}
