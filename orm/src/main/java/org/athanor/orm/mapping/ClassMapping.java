package org.athanor.orm.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * What an {@code @Entity} class maps onto, read once from its Jakarta Persistence annotations: its Core
 * {@link Table} and its properties (the {@link Attribute}s with their columns, the references, the collections,
 * the inverse one-to-ones, its place in an inheritance hierarchy, the shape of its key) and the
 * {@link EntityAccessor} reaching their fields. Mapping mistakes throw {@link MappingException} naming the class
 * and field, when it is first built.
 *
 * <p>It is per class (cached, like SQLAlchemy's per-class instrumentation, its {@code ClassManager}) because what
 * must exist outside any {@link org.athanor.orm.Registry} reads it: the generated metamodel's static fields
 * ({@code User_.TABLE}, {@code User_.name}, the relationship attributes {@code User_.posts}) hold its table's
 * columns, so a Core statement written with them names the very columns the ORM maps. Everything else about the
 * entity (identity keys, lifecycle callbacks, how rows become objects, links to the related entities' mappers,
 * flush order) is in the Mapper each Registry builds from it in its configure phase: the one description of the
 * entity a Session works with. Nothing here changes after it is built, and nothing here depends on a Registry.
 *
 * <pre>{@code
 * ClassMapping<User> m = ClassMapping.of(User.class);
 * MetaData.of(m.table()).createAll(engine);
 * Column<?> name = m.attribute("name").column();   // the same object as User_.name
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class ClassMapping<E> {
    private static final ClassValue<ClassMapping<?>> CACHE = new ClassValue<>() {
        @Override protected ClassMapping<?> computeValue(Class<?> type) { return MappingBuilder.build(type); }
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
    private final Attribute version;
    private final EntityAccessor<E> accessor;
    private final Inheritance inheritance;    // null: the entity is in no inheritance hierarchy

    ClassMapping(Class<E> entityClass, String entityName, Table table, List<Attribute> attributes, List<ToOne> toOnes,
                 List<ToMany> toManys, List<InverseOne> inverseOnes, IdShape idShape, EntityAccessor<E> accessor,
                 Inheritance inheritance) {
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
        this.version = attributes.stream().filter(Attribute::isVersion).findFirst().orElse(null);
        this.accessor = accessor;
    }

    /** The mapping of {@code entityClass}, built on first use and cached. */
    @SuppressWarnings("unchecked")
    public static <E> ClassMapping<E> of(Class<E> entityClass) {
        return (ClassMapping<E>) CACHE.get(entityClass);
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

    public Class<E> entityClass() { return entityClass; }
    /** The entity's place in an inheritance hierarchy, or null when it is in none. */
    public Inheritance inheritance() { return inheritance; }
    /** How an id given by the user ({@code session.get(User.class, id)}) holds the key values. */
    public IdShape idShape() { return idShape; }
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
    public List<Attribute> idAttributes() { return idShape.ids; }
    /** The {@code @Version} attribute, or null. */
    public Attribute versionAttribute() { return version; }

    /** The single id attribute whose value the database or the session generates, or null. */
    public Attribute generatedIdAttribute() {
        List<Attribute> ids = idShape.ids;
        return ids.size() == 1 && ids.get(0).generation() != null ? ids.get(0) : null;
    }

    /**
     * How the attributes' fields are reached: the generated {@code <Entity>_Accessor} when the annotation processor
     * ran, else the MethodHandle fallback. The Mapper reads and writes entities through it.
     */
    public EntityAccessor<E> accessor() { return accessor; }

    /** The attribute named {@code name} (the Java field name); an unknown name lists the mapped ones. */
    public Attribute attribute(String name) {
        Attribute a = byName.get(name);
        if (a == null)
            throw new MappingException(entityName + " has no mapped attribute '" + name + "'; its attributes are "
                    + attributes.stream().map(Attribute::name).toList());
        return a;
    }

    @Override public String toString() { return "ClassMapping(" + entityClass.getName() + " -> " + table.name() + ")"; }
}
