package org.athanor.orm;

import java.util.List;
import org.athanor.orm.internal.loading.LoadSpec;

/**
 * Per-query loader strategies for relationships (SQLAlchemy's names), over the metamodel's typed
 * relationship attributes:
 *
 * <pre>{@code
 * import static org.athanor.orm.Loaders.*;
 * session.query(Writer.class)
 *        .options(selectinLoad(Writer_.articles), raiseLoad(Writer_.edited))
 *        .all();
 * }</pre>
 *
 * <ul>
 * <li>{@link #lazyLoad}: the default for collections: loaded on first access, for every object of the
 *     same result at once (one {@code IN} select per 500 owners).</li>
 * <li>{@link #selectinLoad}: the same select, run when the query runs.</li>
 * <li>{@link #raiseLoad}: accessing the collection throws, naming it and the option that loads it.</li>
 * <li>{@link #joinedLoad}: a LEFT OUTER JOIN in the query's own statement ({@link LoadOption#innerJoin()}: an INNER JOIN).</li>
 * <li>{@link #noLoad}: the collection is empty and never loaded (additions still set the other side).</li>
 * </ul>
 * {@code @ManyToOne} references are always loaded with their objects (one batched select per result);
 * they accept {@link #selectinLoad} and {@link #joinedLoad} (to carry {@link LoadOption#then} options) and refuse the others.
 */
public final class Loaders {
    private Loaders() {}

    public static LoadOption lazyLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadSpec.Strategy.LAZY, List.of()); }
    public static LoadOption selectinLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadSpec.Strategy.SELECTIN, List.of()); }
    public static LoadOption raiseLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadSpec.Strategy.RAISE, List.of()); }
    /**
     * The related rows are read by the query itself, through a LEFT OUTER JOIN (SQLAlchemy's joinedload):
     * one statement for the objects and their collection or reference. The objects are de-duplicated;
     * with LIMIT/OFFSET (also {@code first()}, {@code one()}) the objects are limited in a subquery, so the
     * limit counts objects, not joined rows. Chain with {@link LoadOption#then} (a {@code joinedLoad} there
     * joins further in the same statement). Each joined table is read through its own alias
     * ({@code <table>_<n>}), so a path may repeat a table (an entity related to itself, a table the query
     * joins itself). {@code joinedLoad(r).innerJoin()} makes it an INNER JOIN (see {@link LoadOption#innerJoin()}).
     */
    public static LoadOption joinedLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadSpec.Strategy.JOINED, List.of()); }
    public static LoadOption noLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadSpec.Strategy.NOLOAD, List.of()); }

    /**
     * SQLAlchemy's {@code selectin_polymorphic}, for a query of a class with subclasses in JOINED inheritance:
     * the query does not outer-join the tables of {@code subclasses} (nor of their subclasses); the objects of
     * each named class in the result are then read by one {@code SELECT ... WHERE id IN (...)} of that class
     * (per 500 rows), with their own columns. The other subclasses stay outer-joined.
     * <pre>{@code
     * session.query(Vehicle.class).options(selectinPolymorphic(Car.class, Truck.class)).all();
     * // SELECT ... FROM vehicle                                  (1)
     * // SELECT ... FROM vehicle JOIN car ... WHERE id IN (...)   (+1 if there are cars)
     * // SELECT ... FROM vehicle JOIN truck ... WHERE id IN (...) (+1 if there are trucks)
     * }</pre>
     * A subclass whose columns the query's filters or ORDER BY read stays joined (its rows are complete). Objects the
     * session holds unexpired are not read again.
     */
    public static LoadOption selectinPolymorphic(Class<?>... subclasses) {
        return new LoadOption(new org.athanor.orm.internal.loading.PolymorphicSpec(List.of(subclasses), true));
    }

    /**
     * SQLAlchemy's {@code with_polymorphic} with a list of classes, for a query of a class with subclasses in
     * JOINED inheritance: only the tables of {@code subclasses} (and of the classes between them and the queried
     * class) are outer-joined. Without it every subclass table is (SQLAlchemy's {@code with_polymorphic="*"}, the
     * default here). Objects of the other subclasses are not left half-loaded (there are no deferred attributes
     * here): each such class, the topmost below the joined ones, is read by one {@code SELECT ... WHERE id IN (...)},
     * as with {@link #selectinPolymorphic}.
     */
    public static LoadOption withPolymorphic(Class<?>... subclasses) {
        return new LoadOption(new org.athanor.orm.internal.loading.PolymorphicSpec(List.of(subclasses), false));
    }

    /**
     * SQLAlchemy's {@code contains_eager}: the related rows come from a join the query makes itself
     * ({@code join(r)}), so the collection or reference is filled from the rows the query selects — with the
     * query's filters on the related table applied (a collection then holds only the matching elements):
     * <pre>{@code
     * session.query(Writer.class).join(Writer_.articles).filter(Article_.title.like("J%"))
     *        .options(containsEager(Writer_.articles)).all();
     * }</pre>
     * One statement; objects de-duplicated as with {@link #joinedLoad}. Refused with LIMIT/OFFSET (the limit
     * would count joined rows) and when the query does not read the related table. A collection the session
     * had already loaded is kept.
     */
    public static LoadOption containsEager(Relationship<?, ?> r) {
        return new LoadOption(r, LoadSpec.Strategy.CONTAINS_EAGER, List.of(), r.targetTable());
    }

    /** {@link #containsEager(Relationship)} from {@code alias}, the alias of the related table the query joined ({@code join(r, alias)}). */
    public static LoadOption containsEager(Relationship<?, ?> r, org.athanor.core.schema.Table alias) {
        if (!alias.sameTableAs(r.targetTable()))
            throw new IllegalArgumentException("containsEager(" + r + ", " + alias + "): the alias must be of " + r.targetTable().name());
        return new LoadOption(r, LoadSpec.Strategy.CONTAINS_EAGER, List.of(), alias);
    }
}
