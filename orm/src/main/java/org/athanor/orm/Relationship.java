package org.athanor.orm;

import org.athanor.orm.internal.mapping.KeyConditions;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;

/**
 * A relationship of an entity as the generated metamodel names it ({@code Writer_.articles},
 * {@code Article_.writer}): typed by the owning entity {@code O} and the related entity {@code T}, for
 * load options such as {@code query(Writer.class).options(Loaders.selectinLoad(Writer_.articles))}.
 *
 * <p>Like the metamodel's columns it exists outside any {@link Registry}: it reads only the per-class table and
 * properties ({@link ClassMapping}) to build Core conditions ({@link #joinCondition()}, {@link #any}, {@link #has}).
 * Sessions load and flush the relationship through their registry's mappers.
 *
 * @param <O> the entity holding the field
 * @param <T> the related entity (a collection's element type)
 */
public final class Relationship<O, T> {
    private final Class<O> owner;
    private final String name;
    private final Class<T> target;
    private final boolean collection;
    /** An inverse {@code @OneToOne(mappedBy)}: a single object whose key column is on the target. */
    private final boolean inverse;

    private Relationship(Class<O> owner, String name, Class<T> target, boolean collection, boolean inverse) {
        this.owner = owner;
        this.name = name;
        this.target = target;
        this.collection = collection;
        this.inverse = inverse;
    }

    /**
     * Used by generated metamodels: the relationship {@code name} of {@code owner}, checked against the
     * mapping ({@code @ManyToOne} or {@code @OneToMany} field of that name, related to {@code target}).
     */
    public static <O, T> Relationship<O, T> of(Class<O> owner, String name, Class<T> target) {
        ClassMapping<O> m = ClassMapping.of(owner);
        boolean collection = m.toManys().stream().anyMatch(t -> t.name().equals(name));
        boolean inverse = m.inverseOne(name) != null;
        Class<?> mapped = collection ? m.toMany(name).target() : inverse ? m.inverseOne(name).target() : m.toOne(name).target();
        if (mapped != target)
            throw new IllegalStateException(owner.getName() + "." + name + " relates to " + mapped.getName() + ", not "
                    + target.getName() + "; the generated metamodel is out of date, recompile");
        return new Relationship<>(owner, name, target, collection, inverse);
    }

    public Class<O> owner() { return owner; }
    public String name() { return name; }
    public Class<T> target() { return target; }
    /** True for a {@code @OneToMany} or {@code @ManyToMany} collection, false for a {@code @ManyToOne} reference or a one-to-one. */
    public boolean isCollection() { return collection; }

    /**
     * True for a collection joined through a secondary table: a {@code @ManyToMany} (either side), or a unidirectional
     * {@code @OneToMany} with a join table (neither mappedBy nor {@code @JoinColumn}).
     */
    public boolean isManyToMany() {
        if (!collection) return false;
        org.athanor.orm.mapping.ToMany t = ClassMapping.of(owner).toMany(name);
        return t.isManyToMany() && !t.joinColumnOneToMany(); // a @OneToMany @JoinColumn joins as a one-to-many
    }

    /**
     * True for an {@code @ElementCollection}: {@link #target()} is the value class, the rows are in the collection
     * table ({@link #secondary()}), the values in its column {@link #values()}.
     */
    public boolean isElementCollection() { return collection && ClassMapping.of(owner).toMany(name).isElementCollection(); }

    /**
     * An element collection's value column, to filter by: {@code query(Person.class).filter(Person_.tags.any(
     * Person_.tags.values().eq("admin")))}, or after {@code join(Person_.tags)}.
     */
    @SuppressWarnings("unchecked")
    public Column<T> values() {
        if (!isElementCollection())
            throw new IllegalStateException(this + " is not an @ElementCollection: its target's columns are in its metamodel");
        return (Column<T>) (Column<?>) secondary().remote();
    }

    /**
     * A many-to-many's secondary table seen from the owner ({@code local()} holds the owner's key,
     * {@code remote()} the element's), or an element collection's collection table ({@code remote()} holds the
     * values); null for other relationships.
     */
    public org.athanor.orm.mapping.Secondary secondary() {
        if (isElementCollection()) return ClassMapping.of(owner).toMany(name).secondary();
        if (!isManyToMany()) return null;
        org.athanor.orm.mapping.ToMany t = ClassMapping.of(owner).toMany(name);
        return t.secondary() != null ? t.secondary() : ClassMapping.of(target).toMany(t.mappedBy()).secondary().flipped();
    }

    /** For a many-to-many, the ON condition joining the owner's table to the secondary table. */
    public Expression<Boolean> secondaryJoinCondition() {
        requireNotSelf("join");
        return secondaryJoinCondition(ownerTable(), requireSecondary().table());
    }

    /** For a many-to-many, the ON condition joining the secondary table to the target's table. */
    public Expression<Boolean> targetJoinCondition() {
        requireNotSelf("join");
        return targetJoinCondition(requireSecondary().table(), targetTable());
    }

    /**
     * For a many-to-many, the ON condition joining {@code from} (the owner's table or an alias of it) to
     * {@code secondary} (the secondary table or an alias of it): {@code secondary.student_id = from.id}.
     */
    public Expression<Boolean> secondaryJoinCondition(Table from, Table secondary) {
        org.athanor.orm.mapping.Secondary s = requireSecondary();
        requireTable(from, ownerTable(), "owner's");
        requireTable(secondary, s.table(), "secondary");
        return KeyConditions.join(s.locals().stream().map(secondary::corresponding).toList(),
                idColumns(owner).stream().map(from::corresponding).toList());
    }

    /**
     * For a many-to-many, the ON condition joining {@code secondary} (the secondary table or an alias of it)
     * to {@code to} (the target's table or an alias of it): {@code to.id = secondary.course_id}.
     */
    public Expression<Boolean> targetJoinCondition(Table secondary, Table to) {
        org.athanor.orm.mapping.Secondary s = requireSecondary();
        requireTable(secondary, s.table(), "secondary");
        requireTable(to, targetTable(), "target's");
        return KeyConditions.join(idColumns(target).stream().map(to::corresponding).toList(),
                s.remotes().stream().map(secondary::corresponding).toList());
    }

    /**
     * For a many-to-many, the secondary table a join or {@code any} through to {@code to} reads: the table
     * itself when {@code to} is the target's table, else an alias named after {@code to}'s alias,
     * {@code <alias>_<secondary table>} (SQLAlchemy aliases the secondary table with the target too), so the
     * same relationship can be joined twice, each through its own rows of the secondary table; for an
     * {@link Table#anonymous() anonymous} alias, another anonymous alias.
     */
    public Table secondaryTableFor(Table to) {
        Table s = requireSecondary().table();
        requireTable(to, targetTable(), "target's");
        if (to.alias() == null) requireNotSelf("read");
        if (to.isAnonymous()) return s.anonymous();
        return to.alias() == null ? s : s.as(to.alias() + "_" + s.name());
    }

    private void requireTable(Table given, Table expected, String role) {
        if (!given.sameTableAs(expected))
            throw new IllegalArgumentException(this + ": the " + role + " table must be " + expected.name()
                    + " or an alias of it, not " + given);
    }

    /** A relationship of an entity to itself reads one table twice: the unaliased forms are ambiguous. */
    private void requireNotSelf(String what) {
        if (owner != target) return;
        String o = owner.getSimpleName();
        throw new IllegalStateException(this + " relates " + o + " to itself: " + what + " an alias of the table, e.g. Table other = "
                + o + "_.TABLE.as(\"other\"); query.join(" + o + "_." + name + ", other)"
                + (isManyToMany() ? " (or, in Core, secondaryJoinCondition(from, secondary) and targetJoinCondition(secondary, to))"
                        : " (or joinCondition(from, to) in Core)"));
    }

    private org.athanor.orm.mapping.Secondary requireSecondary() {
        org.athanor.orm.mapping.Secondary s = secondary();
        if (s == null) throw new IllegalStateException(this + " is not a many-to-many (nor an element collection); use joinCondition()");
        return s;
    }

    /** True for the inverse side of a one-to-one ({@code @OneToOne(mappedBy)}): one object, its key column on the target. */
    public boolean isInverseOne() { return inverse; }

    /**
     * The foreign key columns and the key columns they equal (in the same order: one pair, or one per column of a
     * composite key), as {foreign key, key} of the foreign key behind this relationship.
     */
    private List<List<Column<Object>>> keyColumns() {
        if (collection && ClassMapping.of(owner).toMany(name).joinColumnOneToMany()) // the key column no element field maps
            return List.of(List.of(ClassMapping.of(owner).toMany(name).secondary().local()), idColumns(owner));
        if (collection || inverse) {
            ClassMapping<T> t = ClassMapping.of(target);
            ClassMapping<O> o = ClassMapping.of(owner);
            List<Column<Object>> fk = t.toOne(collection ? o.toMany(name).mappedBy() : o.inverseOne(name).mappedBy()).columns();
            return List.of(fk, idColumns(owner));
        }
        return List.of(ClassMapping.of(owner).toOne(name).columns(), idColumns(target));
    }

    @SuppressWarnings("unchecked")
    private static List<Column<Object>> idColumns(Class<?> entity) {
        List<Column<Object>> out = new ArrayList<>();
        for (org.athanor.orm.mapping.Attribute a : ClassMapping.of(entity).idAttributes()) out.add((Column<Object>) a.column());
        return out;
    }

    /** The related entity's table (an element collection's: its collection table). */
    public Table targetTable() { return isElementCollection() ? secondary().table() : ClassMapping.of(target).table(); }

    /** The owning entity's table. */
    public Table ownerTable() { return ClassMapping.of(owner).table(); }

    /**
     * The ON condition joining the owner's table to the target's: {@code posts.author_id = users.id}.
     * A relationship of an entity to itself reads one table twice: give the aliases with
     * {@link #joinCondition(Table, Table)}.
     */
    public Expression<Boolean> joinCondition() {
        if (owner == target)
            throw new IllegalStateException(this + " relates " + owner.getSimpleName() + " to itself: join an alias of the "
                    + "table, e.g. Table mgr = " + owner.getSimpleName() + "_.TABLE.as(\"mgr\"); query.join(" + owner.getSimpleName()
                    + "_." + name + ", mgr) (or joinCondition(from, to) in Core)");
        return joinCondition(ownerTable(), targetTable());
    }

    /**
     * The ON condition between {@code from} (the owner's table or an alias of it) and {@code to} (the
     * target's table or an alias): SQLAlchemy's {@code aliased()} joins, e.g. an employee and its manager
     * ({@code Table mgr = Employee_.TABLE.as("mgr"); Employee_.manager.joinCondition(Employee_.TABLE, mgr)}
     * gives {@code mgr.id = employee.manager_id}), or one table joined twice through two relationships.
     */
    @SuppressWarnings("unchecked")
    public Expression<Boolean> joinCondition(Table from, Table to) {
        if (isElementCollection())
            throw new IllegalStateException(this + " is an @ElementCollection: its values are in the collection table "
                    + secondary().table().name() + "; use query.join(" + owner.getSimpleName() + "_." + name + ") (or, in Core, "
                    + "secondaryJoinCondition()); aliases are not supported for it");
        if (isManyToMany())
            throw new IllegalStateException(this + " is a many-to-many: it joins through its secondary table "
                    + secondary().table().name() + ", so there is no one ON condition; use query.join(" + owner.getSimpleName()
                    + "_." + name + ") or query.join(" + owner.getSimpleName() + "_." + name + ", alias) (or, in Core, "
                    + "secondaryJoinCondition(from, secondary) and targetJoinCondition(secondary, to))");
        if (!from.sameTableAs(ownerTable()))
            throw new IllegalArgumentException(this + ": the first table must be " + ownerTable().name() + " or an alias of it, not " + from);
        if (!to.sameTableAs(targetTable()))
            throw new IllegalArgumentException(this + ": the second table must be " + targetTable().name() + " or an alias of it, not " + to);
        if (from == to)
            throw new IllegalArgumentException(this + " relates " + owner.getSimpleName() + " to itself: the two sides must be "
                    + "different aliases of " + from.name() + ", e.g. " + owner.getSimpleName() + "_.TABLE and "
                    + owner.getSimpleName() + "_.TABLE.as(\"other\")");
        List<List<Column<Object>>> k = keyColumns();
        // a collection's foreign key is on the target (the element's); a reference's on the owner
        Table fkSide = collection || inverse ? to : from, keySide = collection || inverse ? from : to;
        return KeyConditions.join(k.get(0).stream().map(fkSide::corresponding).toList(),
                k.get(1).stream().map(keySide::corresponding).toList());
    }

    /**
     * EXISTS a related row matching {@code conditions}, correlated to the owner's row: for a collection
     * SQLAlchemy's {@code any()} ({@code filter(Writer_.articles.any(Article_.title.contains("x")))}). For an entity
     * related to itself the related rows are read through an anonymous alias ({@link Table#anonymous()}, rendered
     * {@code anon_1}, ...) and the conditions name the related row: {@code Employee_.reports.any(Employee_.name.eq("Bo"))}
     * is {@code EXISTS (SELECT 1 FROM employee AS anon_1 WHERE anon_1.manager_id = employee.id AND anon_1.name = ?)}.
     */
    @SafeVarargs
    public final Expression<Boolean> any(Expression<Boolean>... conditions) {
        if (!collection)
            throw new IllegalStateException(this + " is a reference, not a collection: use has(...)");
        return exists(conditions);
    }

    /**
     * For a reference, EXISTS the related row matching {@code conditions} ({@code filter(Article_.writer.has(Writer_.name.eq("Ann")))});
     * of an entity to itself through an anonymous alias, as {@link #any(Expression[])}.
     */
    @SafeVarargs
    public final Expression<Boolean> has(Expression<Boolean>... conditions) {
        if (collection)
            throw new IllegalStateException(this + " is a collection, not a reference: use any(...)");
        return exists(conditions);
    }

    /**
     * {@link #any(Expression[])} reading the related rows through {@code alias} (an alias of the target's
     * table): needed when the entity is related to itself, e.g. managers with a report named Bo:
     * {@code Table r = Employee_.TABLE.as("r"); filter(Employee_.reports.any(r, Employee_.name.eq("Bo")))}. The
     * conditions may be written against the alias ({@code r.corresponding(Employee_.name)}) or against the
     * target's table: its columns are read through the alias ({@link Sql#adapt}, SQLAlchemy's adaptation), so for
     * a relationship of an entity to itself they name the related row, never the owner's.
     */
    @SafeVarargs
    public final Expression<Boolean> any(Table alias, Expression<Boolean>... conditions) {
        if (!collection)
            throw new IllegalStateException(this + " is a reference, not a collection: use has(...)");
        return exists(alias, conditions);
    }

    /** {@link #has(Expression[])} reading the related row through {@code alias} (see {@link #any(Table, Expression[])}). */
    @SafeVarargs
    public final Expression<Boolean> has(Table alias, Expression<Boolean>... conditions) {
        if (collection)
            throw new IllegalStateException(this + " is a collection, not a reference: use any(...)");
        return exists(alias, conditions);
    }

    private Expression<Boolean> exists(Expression<Boolean>[] conditions) {
        // an entity related to itself: the related rows are read through an anonymous alias (SQLAlchemy's any() makes one
        // too), named anon_<n> by its position when the statement compiles, so the same statement shape keeps one SQL
        // text and cache key, and a nested any() of the same relationship reads its own alias; the conditions, written
        // against the table, are adapted to it and name the related row
        if (owner == target && !isElementCollection()) return exists(targetTable().anonymous(), conditions);
        return exists(targetTable(), conditions);
    }

    private Expression<Boolean> exists(Table to, Expression<Boolean>[] given) {
        // through an alias: the conditions' columns of the target's table read the alias (SQLAlchemy adapts them too),
        // so any(r, Employee_.name.eq("Bo")) means r.name; the correlation to the owner's row below is not adapted
        List<Expression<Boolean>> conditions = new ArrayList<>(given.length);
        for (Expression<Boolean> c : given) conditions.add(to == targetTable() ? c : Sql.adapt(c, targetTable(), to));
        List<Expression<Boolean>> where = new ArrayList<>();
        if (isElementCollection()) { // EXISTS (SELECT 1 FROM collection table WHERE owner_key = owner.id AND ...)
            if (to != targetTable())
                throw new IllegalStateException(this + " is an @ElementCollection: any(alias, ...) is not supported for it; use any(...)");
            where.add(secondaryJoinCondition());
            where.addAll(conditions);
            return Sql.exists(Sql.select(Sql.literal(1)).from(secondary().table()).where(Sql.and(where)));
        }
        if (isManyToMany()) {
            // EXISTS (SELECT 1 FROM secondary JOIN target ON ... WHERE secondary.owner_key = owner.id AND ...);
            // through an alias of the target, an alias of the secondary table too (see secondaryTableFor)
            Table secondary = secondaryTableFor(to);
            where.add(secondaryJoinCondition(ownerTable(), secondary));
            where.addAll(conditions);
            return Sql.exists(Sql.select(Sql.literal(1)).from(secondary).join(to, targetJoinCondition(secondary, to)).where(Sql.and(where)));
        }
        where.add(joinCondition(ownerTable(), to));
        where.addAll(conditions);
        return Sql.exists(Sql.select(Sql.literal(1)).from(to).where(Sql.and(where)));
    }

    @Override public boolean equals(Object o) {
        return o instanceof Relationship<?, ?> r && r.owner == owner && r.name.equals(name);
    }
    @Override public int hashCode() { return owner.hashCode() * 31 + name.hashCode(); }
    @Override public String toString() { return owner.getSimpleName() + "." + name; }
}
