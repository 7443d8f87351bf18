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

    /** A polymorphic load option ({@link Loaders#selectinPolymorphic}, {@link Loaders#withPolymorphic}). */
    LoadOption(org.athanor.orm.internal.loading.PolymorphicSpec polymorphic) {
        this.relationship = null;
        this.strategy = null;
        this.children = List.of();
        this.from = null;
        this.polymorphic = polymorphic;
        this.elementPolymorphic = null;
    }

    LoadOption(Relationship<?, ?> relationship, LoadSpec.Strategy strategy, List<LoadOption> children, org.athanor.core.schema.Table from) {
        this(relationship, strategy, children, from, null);
    }

    private LoadOption(Relationship<?, ?> relationship, LoadSpec.Strategy strategy, List<LoadOption> children,
                       org.athanor.core.schema.Table from, LoadOption elementPolymorphic) {
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
        return new LoadOption(relationship, strategy, all, from, poly);
    }

    /** What the loaders read (internal.loading): this option and its {@code then()} options. */
    LoadSpec spec() {
        List<LoadSpec> next = new ArrayList<>(children.size());
        for (LoadOption c : children) next.add(c.spec());
        return new LoadSpec(relationship, strategy, next, from, elementPolymorphic == null ? null : elementPolymorphic.polymorphic);
    }

    static List<LoadSpec> specs(List<LoadOption> options) {
        List<LoadSpec> out = new ArrayList<>(options.size());
        for (LoadOption o : options) if (o.polymorphic == null) out.add(o.spec());
        return out;
    }

    @Override public String toString() { return polymorphic != null ? polymorphic.toString() : spec().toString(); }
}
