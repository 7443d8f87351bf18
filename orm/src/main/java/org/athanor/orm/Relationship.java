package org.athanor.orm;

import org.athanor.orm.mapping.EntityMapping;

/**
 * A relationship of an entity as the generated metamodel names it ({@code Writer_.articles},
 * {@code Article_.writer}): typed by the owning entity {@code O} and the related entity {@code T}, for
 * load options such as {@code query(Writer.class).options(Loaders.selectinLoad(Writer_.articles))}.
 *
 * @param <O> the entity holding the field
 * @param <T> the related entity (a collection's element type)
 */
public final class Relationship<O, T> {
    private final Class<O> owner;
    private final String name;
    private final Class<T> target;
    private final boolean collection;

    private Relationship(Class<O> owner, String name, Class<T> target, boolean collection) {
        this.owner = owner;
        this.name = name;
        this.target = target;
        this.collection = collection;
    }

    /**
     * Used by generated metamodels: the relationship {@code name} of {@code owner}, checked against the
     * mapping ({@code @ManyToOne} or {@code @OneToMany} field of that name, related to {@code target}).
     */
    public static <O, T> Relationship<O, T> of(Class<O> owner, String name, Class<T> target) {
        EntityMapping<O> m = EntityMapping.of(owner);
        boolean collection = m.toManys().stream().anyMatch(t -> t.name().equals(name));
        Class<?> mapped = collection ? m.toMany(name).target() : m.toOne(name).target();
        if (mapped != target)
            throw new IllegalStateException(owner.getName() + "." + name + " relates to " + mapped.getName() + ", not "
                    + target.getName() + "; the generated metamodel is out of date, recompile");
        return new Relationship<>(owner, name, target, collection);
    }

    public Class<O> owner() { return owner; }
    public String name() { return name; }
    public Class<T> target() { return target; }
    /** True for a {@code @OneToMany} collection, false for a {@code @ManyToOne} reference. */
    public boolean isCollection() { return collection; }

    @Override public boolean equals(Object o) {
        return o instanceof Relationship<?, ?> r && r.owner == owner && r.name.equals(name);
    }
    @Override public int hashCode() { return owner.hashCode() * 31 + name.hashCode(); }
    @Override public String toString() { return owner.getSimpleName() + "." + name; }
}
