package org.athanor.orm;

import java.util.ArrayList;
import java.util.List;

/**
 * How a query loads one relationship (see {@link Loaders}), with options for the relationships of the
 * objects it loads: {@code selectinLoad(Writer_.articles).then(raiseLoad(Article_.comments))}.
 * Immutable; {@link #then} returns a new option.
 */
public final class LoadOption {
    /** SQLAlchemy's strategy names. */
    enum Strategy {
        LAZY, SELECTIN, RAISE, NOLOAD, JOINED, CONTAINS_EAGER;

        /** Read by the query's own statement (JoinedLoading), not by a select of their own. */
        boolean inStatement() { return this == JOINED || this == CONTAINS_EAGER; }
    }

    final Relationship<?, ?> relationship;
    final Strategy strategy;
    final List<LoadOption> children;
    /** For CONTAINS_EAGER: the table or alias the query joined the related rows from; null otherwise. */
    final org.athanor.core.schema.Table from;

    LoadOption(Relationship<?, ?> relationship, Strategy strategy, List<LoadOption> children) {
        this(relationship, strategy, children, null);
    }

    LoadOption(Relationship<?, ?> relationship, Strategy strategy, List<LoadOption> children, org.athanor.core.schema.Table from) {
        if (!relationship.isCollection() && strategy != Strategy.SELECTIN && !strategy.inStatement())
            throw new IllegalArgumentException(strategy.name().toLowerCase(java.util.Locale.ROOT) + "Load(" + relationship
                    + "): a @ManyToOne is always loaded with its object (one batched select per result); lazy, raise and "
                    + "noload need a to-one proxy, not supported yet");
        this.relationship = relationship;
        this.strategy = strategy;
        this.children = List.copyOf(children);
        this.from = from;
    }

    /** Options for the relationships of the related objects this option loads. */
    public LoadOption then(LoadOption... next) {
        List<LoadOption> all = new ArrayList<>(children);
        for (LoadOption n : next) {
            if (n.relationship.owner() != relationship.target())
                throw new IllegalArgumentException(this + ".then(" + n + "): " + n.relationship + " is not a relationship of "
                        + relationship.target().getSimpleName() + ", which " + relationship + " loads");
            all.add(n);
        }
        return new LoadOption(relationship, strategy, all, from);
    }

    @Override public String toString() {
        if (strategy == Strategy.CONTAINS_EAGER) return "containsEager(" + relationship + (from.alias() != null ? ", " + from.alias() : "") + ")";
        return strategy.name().toLowerCase(java.util.Locale.ROOT) + "Load(" + relationship + ")";
    }
}
