package org.athanor.orm;

import org.athanor.orm.internal.flush.Versions;

import org.athanor.orm.internal.mapping.Mapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.MappingException;

/**
 * The set of mapped entity classes and the Core tables behind them (SQLAlchemy's declarative base /
 * registry). Mapping mistakes are reported here, once, naming the class and field.
 *
 * <pre>{@code
 * Registry registry = Registry.of(User.class, Post.class);
 * registry.metadata().createAll(engine);          // CREATE TABLE users, posts (parents first)
 * SessionFactory sessions = SessionFactory.of(engine, registry);
 * }</pre>
 *
 * The MetaData also holds the sequence of every {@code @GeneratedValue(strategy = SEQUENCE)} id
 * ({@link Attribute#sequence()}), so {@code createAll} creates it before the tables: named by
 * {@code @SequenceGenerator} (or {@code <table>_seq}), starting at its {@code initialValue}, counting
 * up by 1 ({@code allocationSize} is not used: the session fetches one value per row). Entities may
 * share a sequence when they agree on its start.
 *
 * Immutable and thread-safe; build one per application.
 */
public final class Registry {
    private final Map<Class<?>, Mapper> entities;
    private final MetaData metadata;
    /** Whether any entity holds a @ManyToOne: without, flushes skip the reference cascade entirely. */
    private final boolean hasReferences;
    /** Whether any entity has an inverse one-to-one (its field is kept in step by the flush's walk over every object). */
    private final boolean hasOneToOnes;
    /** Whether any entity has a many-to-many collection. */
    private final boolean hasManyToMany;
    private final boolean hasElementCollections;

    private Registry(Map<Class<?>, Mapper> entities, MetaData metadata) {
        this.hasReferences = entities.values().stream().anyMatch(i -> i.toOnes.length > 0 || i.toManys.length > 0 || i.inverseOnes.length > 0);
        this.hasOneToOnes = entities.values().stream().anyMatch(i -> i.inverseOnes.length > 0);
        this.hasManyToMany = entities.values().stream().anyMatch(i -> java.util.Arrays.stream(i.toManys).anyMatch(t -> t.isManyToMany()));
        this.hasElementCollections = entities.values().stream().anyMatch(Mapper::hasElementCollections);
        this.entities = entities;
        this.metadata = metadata;
    }

    boolean hasReferences() { return hasReferences; }

    boolean hasOneToOnes() { return hasOneToOnes; }

    boolean hasManyToMany() { return hasManyToMany; }

    /** Whether any class has an {@code @ElementCollection}. */
    boolean hasElementCollections() { return hasElementCollections; }

    /** Maps {@code entityClasses} (each annotated {@code @Entity}). */
    public static Registry of(Class<?>... entityClasses) {
        if (entityClasses.length == 0) throw new IllegalArgumentException("Registry.of() needs at least one @Entity class");
        Map<Class<?>, Mapper> infos = Mapper.configure(List.of(entityClasses));
        for (Mapper m : infos.values()) {
            Attribute v = m.versionIdx < 0 ? null : m.attrs[m.versionIdx];
            if (v != null) Versions.checkType(m.type, v.name(), v.javaType());
        }
        List<Table> tables = new ArrayList<>();
        for (Mapper m : infos.values()) tables.addAll(m.tables());
        // the secondary tables of many-to-many collections (owning sides), once each
        for (Mapper m : infos.values())
            for (org.athanor.orm.mapping.ToMany t : m.toManys)
                if (t.secondary() != null && !tables.contains(t.secondary().table())) tables.add(t.secondary().table());
        MetaData md = MetaData.of(tables.toArray(Table[]::new));
        md.add(sequences(infos.values()));
        return new Registry(infos, md);
    }

    /** One sequence per name; entities sharing a name must agree on its definition. */
    private static Sequence[] sequences(Iterable<Mapper> infos) {
        Map<String, Sequence> byName = new LinkedHashMap<>();
        Map<String, String> firstUser = new LinkedHashMap<>();
        for (Mapper info : infos) {
            for (Attribute a : info.attrs) {
                Sequence s = a.sequence();
                if (s == null) continue;
                String user = info.type.getName() + "." + a.name();
                Sequence known = byName.putIfAbsent(s.qualifiedName(), s);
                if (known == null) {
                    firstUser.put(s.qualifiedName(), user);
                } else if (!known.equals(s)) {
                    throw new MappingException(firstUser.get(s.qualifiedName()) + " and " + user + " share the sequence "
                            + s.qualifiedName() + " but start it at " + known.start() + " and " + s.start()
                            + " (@SequenceGenerator initialValue); give them the same initialValue or different sequence names");
                }
            }
        }
        return byName.values().toArray(Sequence[]::new);
    }

    /** The Core MetaData holding every mapped table: {@code registry.metadata().createAll(engine)}. */
    public MetaData metadata() { return metadata; }

    /** The mapped classes, in registration order. */
    public List<Class<?>> entityClasses() { return List.copyOf(entities.keySet()); }

    /**
     * The table and properties of a registered class ({@link ClassMapping#of}, checked to be in this registry): what its
     * generated metamodel names. The registry's own description of the entity, built from it, is internal.
     */
    @SuppressWarnings("unchecked")
    public <E> ClassMapping<E> mapping(Class<E> entityClass) { return (ClassMapping<E>) info(entityClass).mapping; }

    /**
     * The primary key values of {@code entity} (a registered class's object), in key attribute order; null while a
     * key value is not assigned yet (a generated id before the flush). SQLAlchemy's
     * {@code mapper.primary_key_from_instance(obj)}: {@code registry.primaryKeyOf(user)} is {@code [42]}.
     */
    public List<Object> primaryKeyOf(Object entity) {
        if (entity == null) throw new IllegalArgumentException("primaryKeyOf(null): give an entity object");
        org.athanor.orm.internal.mapping.IdKey key = info(entity.getClass()).keyOfObject(entity);
        return key == null ? null : key.asList();
    }

    /** The Core table of a registered class (a JOINED subclass: its own table, holding its own columns). */
    public Table table(Class<?> entityClass) { return info(entityClass).mapping.table(); }

    Mapper info(Class<?> c) {
        Mapper i = entities.get(c);
        // a generated proxy (User_Proxy extends User) is mapped as the entity it extends
        if (i == null && org.athanor.orm.mapping.EntityProxy.class.isAssignableFrom(c)) i = entities.get(c.getSuperclass());
        if (i == null) {
            throw new IllegalArgumentException(c.getName() + " is not mapped in this Registry; it maps "
                    + entities.keySet().stream().map(Class::getSimpleName).toList() + " (add it to Registry.of(...))");
        }
        return i;
    }

    boolean contains(Class<?> c) {
        return entities.containsKey(c) || org.athanor.orm.mapping.EntityProxy.class.isAssignableFrom(c) && entities.containsKey(c.getSuperclass());
    }

    Iterable<Mapper> infos() { return entities.values(); }
}
