package org.athanor.orm;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.internal.loading.LoadSpec;

/**
 * How a query loads one relationship (see {@link Loaders}), with options for the relationships of the
 * objects it loads: {@code selectinLoad(Writer_.articles).then(raiseLoad(Article_.comments))}.
 * Immutable; {@link #then} returns a new option.
 */
public final class LoadOption {
    final Relationship<?, ?> relationship;
    final LoadSpec.Strategy strategy;
    final List<LoadOption> children;
    /** For CONTAINS_EAGER: the table or alias the query joined the related rows from; null otherwise. */
    final org.athanor.core.schema.Table from;

    LoadOption(Relationship<?, ?> relationship, LoadSpec.Strategy strategy, List<LoadOption> children) {
        this(relationship, strategy, children, null);
    }

    /** For selectinPolymorphic / withPolymorphic: the classes named (then relationship, strategy and from are null); null otherwise. */
    final org.athanor.orm.internal.loading.PolymorphicSpec polymorphic;
    /** For a relationship option: {@code then(selectinPolymorphic(...))}, how the related objects' subclasses load; or null. */
    final LoadOption elementPolymorphic;
    /** For joinedLoad: {@link #innerJoin()} was asked for. */
    final boolean innerJoin;

    /** A polymorphic load option ({@link Loaders#selectinPolymorphic}, {@link Loaders#withPolymorphic}). */
    LoadOption(org.athanor.orm.internal.loading.PolymorphicSpec polymorphic) {
        this.relationship = null;
        this.strategy = null;
        this.children = List.of();
        this.from = null;
        this.polymorphic = polymorphic;
        this.elementPolymorphic = null;
        this.innerJoin = false;
    }

    LoadOption(Relationship<?, ?> relationship, LoadSpec.Strategy strategy, List<LoadOption> children, org.athanor.core.schema.Table from) {
        this(relationship, strategy, children, from, null, false);
    }

    private LoadOption(Relationship<?, ?> relationship, LoadSpec.Strategy strategy, List<LoadOption> children,
                       org.athanor.core.schema.Table from, LoadOption elementPolymorphic, boolean innerJoin) {
        this.innerJoin = innerJoin;
        this.polymorphic = null;
        this.elementPolymorphic = elementPolymorphic;
        if (!relationship.isCollection() && strategy != LoadSpec.Strategy.SELECTIN && !strategy.inStatement())
            throw new IllegalArgumentException(strategy.name().toLowerCase(java.util.Locale.ROOT) + "Load(" + relationship
                    + "): a @ManyToOne is always loaded with its object (one batched select per result); lazy, raise and "
                    + "noload need a to-one proxy, not supported yet");
        if (strategy.inStatement() && relationship.isElementCollection())
            throw new IllegalArgumentException((strategy == LoadSpec.Strategy.JOINED ? "joinedLoad(" : "containsEager(") + relationship
                    + "): an @ElementCollection loads by a select of its own (for every owner of the result at once); use "
                    + "selectinLoad(" + relationship.owner().getSimpleName() + "_." + relationship.name() + ")");
        this.relationship = relationship;
        this.strategy = strategy;
        this.children = List.copyOf(children);
        this.from = from;
    }

    /** Options for the relationships of the related objects this option loads. */
    public LoadOption then(LoadOption... next) {
        if (polymorphic != null)
            throw new IllegalArgumentException(polymorphic + ".then(...): a polymorphic load option loads no relationship; "
                    + "give the relationships' options to the query beside it");
        if (relationship.isElementCollection())
            throw new IllegalArgumentException(this + ".then(...): an @ElementCollection holds values, which have no relationships");
        List<LoadOption> all = new ArrayList<>(children);
        LoadOption poly = elementPolymorphic;
        for (LoadOption n : next) {
            if (n.polymorphic != null) {
                // the related objects are read by a SELECT of their own (selectin, or lazily on access): it takes the option
                if (strategy != LoadSpec.Strategy.SELECTIN && strategy != LoadSpec.Strategy.LAZY)
                    throw new IllegalArgumentException(this + ".then(" + n + "): a polymorphic load option applies to the "
                            + "objects a relationship reads by a SELECT of their own; use selectinLoad(" + relationship + ") or "
                            + "lazyLoad(" + relationship + ")");
                if (poly != null)
                    throw new IllegalArgumentException(this + ".then(" + n + "): already given " + poly + "; give one polymorphic load option");
                poly = n;
                continue;
            }
            if (n.relationship.owner() != relationship.target())
                throw new IllegalArgumentException(this + ".then(" + n + "): " + n.relationship + " is not a relationship of "
                        + relationship.target().getSimpleName() + ", which " + relationship + " loads");
            all.add(n);
        }
        return new LoadOption(relationship, strategy, all, from, poly, innerJoin);
    }

    /**
     * For {@link Loaders#joinedLoad}: an INNER JOIN instead of the LEFT OUTER JOIN (SQLAlchemy's
     * {@code joinedload(..., innerjoin=True)}), for a relationship that always has a related row, or to leave out
     * the objects that have none: {@code query(Writer.class).options(joinedLoad(Writer_.articles).innerJoin())} loads
     * only the writers with articles, with all their articles.
     * <ul>
     * <li>Below an outer-joined option the join stays a LEFT OUTER JOIN: {@code joinedLoad(Writer_.articles)
     *     .then(joinedLoad(Article_.editor).innerJoin())} keeps the writers without articles (an inner join after an
     *     outer one would drop them). This is SQLAlchemy's {@code innerjoin="unnested"}; its default instead
     *     right-nests ({@code writer LEFT OUTER JOIN (article JOIN editor ...)}), which also leaves out the articles
     *     without an editor. Below an inner-joined option (or the query's entity) it is an INNER JOIN.</li>
     * <li>Under an inner join a loaded collection holds only the elements the inner joins below it kept: with
     *     {@code joinedLoad(Writer_.articles).innerJoin().then(joinedLoad(Article_.editor).innerJoin())} the articles
     *     without an editor are not in {@code articles} (as in SQLAlchemy: inner joins are for required relationships).</li>
     * <li>With LIMIT/OFFSET the objects are limited in a subquery first, then joined: the limit counts the objects
     *     before the inner join leaves some out.</li>
     * </ul>
     * Refused on other strategies, which have no join.
     */
    public LoadOption innerJoin() {
        if (polymorphic != null)
            throw new IllegalArgumentException(polymorphic + ".innerJoin(): a polymorphic load option loads no relationship; "
                    + "innerJoin() applies to joinedLoad(...)");
        if (strategy != LoadSpec.Strategy.JOINED)
            throw new IllegalArgumentException(this + ".innerJoin(): only joinedLoad(...) joins; " + this + " reads "
                    + (strategy == LoadSpec.Strategy.CONTAINS_EAGER ? "the rows of the query's own join (choose its kind there: "
                    + "query.join(...) is an inner join, outerJoin(...) a left outer one)" : "its rows without a join in the query's statement"));
        return new LoadOption(relationship, strategy, children, from, elementPolymorphic, true);
    }

    /** What the loaders read (internal.loading): this option and its {@code then()} options. */
    LoadSpec spec() {
        List<LoadSpec> next = new ArrayList<>(children.size());
        for (LoadOption c : children) next.add(c.spec());
        return new LoadSpec(relationship, strategy, next, from, elementPolymorphic == null ? null : elementPolymorphic.polymorphic, innerJoin);
    }

    static List<LoadSpec> specs(List<LoadOption> options) {
        List<LoadSpec> out = new ArrayList<>(options.size());
        for (LoadOption o : options) if (o.polymorphic == null) out.add(o.spec());
        return out;
    }

    @Override public String toString() { return polymorphic != null ? polymorphic.toString() : spec().toString(); }
}
