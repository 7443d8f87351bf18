package org.athanor.orm;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Sql;
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

    /** The key column and the column it equals, as {local, remote} of the foreign key behind this relationship. */
    @SuppressWarnings("unchecked")
    private Column<Object>[] keyPair() {
        if (collection) {
            EntityMapping<T> t = EntityMapping.of(target);
            Column<Object> fk = t.toOne(EntityMapping.of(owner).toMany(name).mappedBy()).column();
            return new Column[] {fk, EntityMapping.of(owner).idAttributes().get(0).column()};
        }
        return new Column[] {EntityMapping.of(owner).toOne(name).column(), EntityMapping.of(target).idAttributes().get(0).column()};
    }

    /** The related entity's table. */
    public Table targetTable() { return EntityMapping.of(target).table(); }

    /**
     * The ON condition joining the owner's table to the target's: {@code posts.author_id = users.id}.
     * A relationship of an entity to itself needs table aliases, which this does not make.
     */
    public Expression<Boolean> joinCondition() {
        if (owner == target)
            throw new IllegalStateException(this + " relates " + owner.getSimpleName() + " to itself: join it with an alias "
                    + "of the table and an explicit ON (Core), which the relationship cannot make for you");
        Column<Object>[] k = keyPair();
        return k[0].eq(k[1]);
    }

    /**
     * EXISTS a related row matching {@code conditions}, correlated to the owner's row: for a collection
     * SQLAlchemy's {@code any()} ({@code filter(Writer_.articles.any(Article_.title.contains("x")))}).
     */
    @SafeVarargs
    public final Expression<Boolean> any(Expression<Boolean>... conditions) {
        if (!collection)
            throw new IllegalStateException(this + " is a reference, not a collection: use has(...)");
        return exists(conditions);
    }

    /** For a reference, EXISTS the related row matching {@code conditions} ({@code filter(Article_.writer.has(Writer_.name.eq("Ann")))}). */
    @SafeVarargs
    public final Expression<Boolean> has(Expression<Boolean>... conditions) {
        if (collection)
            throw new IllegalStateException(this + " is a collection, not a reference: use any(...)");
        return exists(conditions);
    }

    private Expression<Boolean> exists(Expression<Boolean>[] conditions) {
        if (owner == target)
            throw new IllegalStateException(this + " relates " + owner.getSimpleName() + " to itself; write the EXISTS "
                    + "with a table alias in Core");
        List<Expression<Boolean>> where = new ArrayList<>();
        where.add(joinCondition());
        where.addAll(List.of(conditions));
        return Sql.exists(Sql.select(Sql.literal(1)).from(targetTable()).where(Sql.and(where)));
    }

    @Override public boolean equals(Object o) {
        return o instanceof Relationship<?, ?> r && r.owner == owner && r.name.equals(name);
    }
    @Override public int hashCode() { return owner.hashCode() * 31 + name.hashCode(); }
    @Override public String toString() { return owner.getSimpleName() + "." + name; }
}
