package org.athanor.orm.mapping;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * The mapping of an {@code @Entity} class onto one Core {@link Table}, built once from its Jakarta
 * Persistence annotations and cached per class. Mapping mistakes throw {@link MappingException}
 * naming the class and field, when the mapping is first built.
 *
 * <pre>{@code
 * EntityMapping<User> m = EntityMapping.of(User.class);
 * MetaData.of(m.table()).createAll(engine);
 * User u = m.newInstance();
 * m.set(u, m.attribute("name"), "Alice");
 * }</pre>
 *
 * Instances are immutable and thread-safe. Attribute access goes through the generated
 * {@code <Entity>_Accessor} when the annotation processor ran, else through MethodHandles.
 */
public final class EntityMapping<E> {
    private static final ClassValue<EntityMapping<?>> CACHE = new ClassValue<>() {
        @Override protected EntityMapping<?> computeValue(Class<?> type) { return MappingBuilder.build(type); }
    };

    private final Class<E> entityClass;
    private final String entityName;
    private final Table table;
    private final List<Attribute> attributes;
    private final List<ToOne> toOnes;
    private final List<ToMany> toManys;
    private final List<InverseOne> inverseOnes;
    private final Map<String, Attribute> byName = new HashMap<>();
    private final IdShape idShape;
    private final List<Attribute> ids;
    private final Attribute single;          // the id attribute when the key is not composite
    private final boolean zeroIsUnset;       // a generated primitive key: 0 means "not assigned yet"
    private final Attribute version;
    private final EntityAccessor<E> accessor;
    private final Callbacks callbacks;        // null: the entity declares no lifecycle callback
    private final Inheritance inheritance;    // null: the entity is in no inheritance hierarchy

    EntityMapping(Class<E> entityClass, String entityName, Table table, List<Attribute> attributes, List<ToOne> toOnes,
                  List<ToMany> toManys, List<InverseOne> inverseOnes, IdShape idShape, EntityAccessor<E> accessor,
                  Callbacks callbacks, Inheritance inheritance) {
        this.inheritance = inheritance;
        this.entityClass = entityClass;
        this.entityName = entityName;
        this.table = table;
        this.attributes = List.copyOf(attributes);
        this.toOnes = List.copyOf(toOnes);
        this.toManys = List.copyOf(toManys);
        this.inverseOnes = List.copyOf(inverseOnes);
        for (Attribute a : attributes) byName.put(a.name(), a);
        this.idShape = idShape;
        this.ids = idShape.ids;
        this.single = ids.size() == 1 && idShape.idClass == null ? ids.get(0) : null;
        this.zeroIsUnset = single != null && single.isPrimitive() && single.generation() != null;
        this.version = attributes.stream().filter(Attribute::isVersion).findFirst().orElse(null);
        this.accessor = accessor;
        this.callbacks = callbacks;
    }

    /** The mapping of {@code entityClass}, built on first use and cached. */
    @SuppressWarnings("unchecked")
    public static <E> EntityMapping<E> of(Class<E> entityClass) {
        return (EntityMapping<E>) CACHE.get(entityClass);
    }

    /**
     * Used by generated metamodels: the Core column of attribute (field) {@code attribute}, checked to
     * hold {@code javaType}.
     */
    @SuppressWarnings("unchecked")
    public static <T> Column<T> column(Class<?> entityClass, String attribute, Class<T> javaType) {
        Attribute a = of(entityClass).attribute(attribute);
        if (a.javaType() != javaType && !javaType.isAssignableFrom(a.javaType()))
            throw MappingException.of(entityClass, attribute, "is mapped as " + a.javaType().getName() + ", not "
                    + javaType.getName() + "; the generated metamodel is out of date, recompile");
        return (Column<T>) (Column<?>) a.column();
    }

    /**
     * Checks that no two of the given entities map to the same table (the registry calls this when its
     * set of entities is known), unless they belong to one single-table inheritance hierarchy.
     */
    public static void checkDistinctTables(Collection<Class<?>> entityClasses) {
        Map<String, Class<?>> seen = new HashMap<>();
        for (Class<?> c : entityClasses) {
            EntityMapping<?> m = of(c);
            Table t = m.table();
            String key = (t.schema() == null ? "" : t.schema().toLowerCase(Locale.ROOT) + ".") + t.name().toLowerCase(Locale.ROOT);
            Class<?> other = seen.putIfAbsent(key, c);
            if (other == null || other == c || of(other).table() == t) continue;
            throw new MappingException("entities " + other.getName() + " and " + c.getName() + " both map to table "
                    + (t.schema() == null ? "" : t.schema() + ".") + t.name() + "; each entity needs its own table "
                    + "(give one a different @Table(name = ...)), unless they share it through single-table inheritance "
                    + "(@Inheritance(strategy = SINGLE_TABLE) on their common @Entity superclass)");
        }
    }

    public Class<E> entityClass() { return entityClass; }
    /** The entity's place in an inheritance hierarchy, or null when it is in none. */
    public Inheritance inheritance() { return inheritance; }
    IdShape idShape() { return idShape; }
    /** {@code @Entity(name)}, else the class's simple name. */
    public String entityName() { return entityName; }
    /** The Core table (untyped) with one column per attribute. */
    public Table table() { return table; }
    /** The persistent attributes in declaration order, mapped superclasses first. */
    public List<Attribute> attributes() { return attributes; }
    /**
     * The {@code @ManyToOne} references, in declaration order. Their key columns follow the attributes'
     * columns in {@link #table()}; they are not in {@link #attributes()} (the accessor's fields).
     */
    public List<ToOne> toOnes() { return toOnes; }

    /** The {@code @ManyToOne} reference named {@code name}; an unknown name lists the mapped ones. */
    public ToOne toOne(String name) {
        for (ToOne t : toOnes) if (t.name().equals(name)) return t;
        throw new MappingException(entityName + " has no @ManyToOne attribute '" + name + "'; its references are "
                + toOnes.stream().map(ToOne::name).toList());
    }

    /** The {@code @OneToMany(mappedBy)} collections, in declaration order. */
    public List<ToMany> toManys() { return toManys; }

    /** The inverse {@code @OneToOne(mappedBy)} fields, in declaration order. */
    public List<InverseOne> inverseOnes() { return inverseOnes; }

    /** The inverse {@code @OneToOne(mappedBy)} named {@code name}, or null. */
    public InverseOne inverseOne(String name) {
        for (InverseOne t : inverseOnes) if (t.name().equals(name)) return t;
        return null;
    }

    /** The {@code @OneToMany} collection named {@code name}; an unknown name lists the mapped ones. */
    public ToMany toMany(String name) {
        for (ToMany t : toManys) if (t.name().equals(name)) return t;
        throw new MappingException(entityName + " has no @OneToMany attribute '" + name + "'; its collections are "
                + toManys.stream().map(ToMany::name).toList());
    }

    /** The key attributes: one, or several for a composite key (@IdClass / @EmbeddedId components). */
    public List<Attribute> idAttributes() { return ids; }
    /** The {@code @Version} attribute, or null. */
    public Attribute versionAttribute() { return version; }

    /** The single id attribute whose value the database or the session generates, or null. */
    public Attribute generatedIdAttribute() { return ids.size() == 1 && ids.get(0).generation() != null ? ids.get(0) : null; }
    /** True when the key is generated by the database (IDENTITY or SEQUENCE). */
    public boolean hasGeneratedId() { return single != null && single.generation() != null; }
    /** The accessor in use: the generated one when present, else the MethodHandle fallback. */
    public EntityAccessor<E> accessor() { return accessor; }

    /** The entity's lifecycle callbacks ({@code @PrePersist} ...), or null when it declares none. */
    public Callbacks callbacks() { return callbacks; }

    /** The attribute named {@code name} (the Java field name); an unknown name lists the mapped ones. */
    public Attribute attribute(String name) {
        Attribute a = byName.get(name);
        if (a == null)
            throw new MappingException(entityName + " has no mapped attribute '" + name + "'; its attributes are "
                    + attributes.stream().map(Attribute::name).toList());
        return a;
    }

    public E newInstance() { return accessor.newInstance(); }

    public Object get(E entity, Attribute a) { return accessor.get(entity, a.index()); }

    public void set(E entity, Attribute a, Object value) { accessor.set(entity, a.index(), value); }

    /** Every attribute's value into {@code out}, in the order of {@link #attributes()} (see {@link EntityAccessor#getAll}). */
    public void getAll(E entity, Object[] out) { accessor.getAll(entity, out); }

    /** Sets every attribute from {@code values}, in the order of {@link #attributes()} (see {@link EntityAccessor#setAll}). */
    public void setAll(E entity, Object[] values) { accessor.setAll(entity, values); }

    /**
     * The identity key of the entity's primary key values, equal by value; null when a key attribute is
     * null (or 0 in a primitive field with a generated key: not assigned yet). For a single key the key
     * is the id value itself, so keep one identity map per entity mapping (the key does not name the class).
     */
    public Object identityOf(E entity) {
        if (single != null) {
            Object v = accessor.get(entity, single.index());
            return zeroIsUnset && ((Number) v).longValue() == 0 ? null : v;
        }
        Object[] values = new Object[ids.size()];
        for (int i = 0; i < values.length; i++) {
            Attribute a = ids.get(i);
            Object v = a.index() < attributes.size() ? accessor.get(entity, a.index()) : derivedId(entity, a);
            if (v == null) return null;
            values[i] = v;
        }
        return new IdentityKey(values);
    }

    /** A derived id (the key of a reference that is part of the primary key): the referenced object's id, or null. */
    @SuppressWarnings("unchecked")
    private Object derivedId(E entity, Attribute a) {
        for (ToOne t : toOnes)
            if (t.keyAttributes().contains(a)) { // a derived id: @Id is refused on a reference with several key columns
                Object related = t.get(entity);
                if (related == null) return null;
                Object id = ((EntityMapping<Object>) of(t.target())).identityOf(related);
                return id instanceof IdentityKey ? null : id; // a reference's target has a single id
            }
        throw new IllegalStateException("no reference holds the key attribute " + a);
    }

    /**
     * The identity key for an id given by the user ({@code session.get(User.class, 42L)}): a single value
     * (widened like a bind parameter: an Integer for a Long key is fine), or an instance of the
     * {@code @IdClass} / {@code @EmbeddedId} class. A wrong type is an IllegalArgumentException naming the expected one.
     */
    public Object identityFromId(Object id) {
        if (id == null) throw new IllegalArgumentException("the id of " + entityName + " must not be null");
        if (single != null) {
            try {
                return single.column().type().cast(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the id of " + entityName + " is a " + single.javaType().getName()
                        + ", got " + id + " of " + id.getClass().getName(), e);
            }
        }
        if (id instanceof IdentityKey k && k.values().size() == ids.size()) return k;
        if (idShape.idClass == null || !idShape.idClass.isInstance(id))
            throw new IllegalArgumentException("the id of " + entityName + " is a " + idShape.idClassKind + " "
                    + (idShape.idClass == null ? "?" : idShape.idClass.getName()) + ", got " + id + " of " + id.getClass().getName());
        Object[] values = new Object[ids.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = idShape.read(id, i);
            if (v == null)
                throw new IllegalArgumentException("the id of " + entityName + " has no value for " + ids.get(i).name()
                        + ": " + id);
            values[i] = v;
        }
        return new IdentityKey(values);
    }

    /** The id values of an identity key (from {@link #identityOf} or {@link #identityFromId}), in key order. */
    public List<Object> idValues(Object identityKey) {
        if (single != null) return List.of(identityKey);
        if (identityKey instanceof IdentityKey k) return k.values();
        throw new IllegalArgumentException("not an identity key of " + entityName + ": " + identityKey);
    }

    /** The identity key for id values read from a row, in {@link #idAttributes()} order. */
    public Object identityFromValues(Object... idValues) {
        if (idValues.length != ids.size())
            throw new IllegalArgumentException(entityName + " has " + ids.size() + " key attributes, got " + idValues.length + " values");
        if (single != null) return idValues[0];
        for (Object v : idValues) if (v == null) return null;
        return new IdentityKey(idValues.clone());
    }

    @Override public String toString() { return "EntityMapping(" + entityClass.getName() + " -> " + table.name() + ")"; }
}
