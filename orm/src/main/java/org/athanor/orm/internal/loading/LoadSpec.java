package org.athanor.orm.internal.loading;

import java.util.List;
import org.athanor.core.schema.Table;
import org.athanor.orm.Relationship;

/**
 * What a {@link org.athanor.orm.LoadOption} asks for, as the loaders read it: the relationship, the
 * strategy and the options for the objects it loads. Made by {@code LoadOption} (the API type keeps its
 * checks and its {@code then()}); immutable.
 */
public final class LoadSpec {
    /** SQLAlchemy's strategy names. */
    public enum Strategy {
        LAZY, SELECTIN, RAISE, NOLOAD, JOINED, CONTAINS_EAGER;

        /** Read by the query's own statement (JoinedLoading), not by a select of their own. */
        public boolean inStatement() { return this == JOINED || this == CONTAINS_EAGER; }
    }

    public final Relationship<?, ?> relationship;
    public final Strategy strategy;
    public final List<LoadSpec> children;
    /** For CONTAINS_EAGER: the table or alias the query joined the related rows from; null otherwise. */
    public final Table from;
    /** {@code then(selectinPolymorphic(...))} / {@code then(withPolymorphic(...))}: how the related objects' subclasses load; or null. */
    public final PolymorphicSpec polymorphic;
    /** For JOINED: {@code joinedLoad(r).innerJoin()}, an INNER JOIN (where its parent is not outer-joined, see JoinedStatement). */
    public final boolean innerJoin;

    public LoadSpec(Relationship<?, ?> relationship, Strategy strategy, List<LoadSpec> children, Table from) {
        this(relationship, strategy, children, from, null);
    }

    public LoadSpec(Relationship<?, ?> relationship, Strategy strategy, List<LoadSpec> children, Table from, PolymorphicSpec polymorphic) {
        this(relationship, strategy, children, from, polymorphic, false);
    }

    public LoadSpec(Relationship<?, ?> relationship, Strategy strategy, List<LoadSpec> children, Table from, PolymorphicSpec polymorphic,
                    boolean innerJoin) {
        this.innerJoin = innerJoin;
        this.polymorphic = polymorphic;
        this.relationship = relationship;
        this.strategy = strategy;
        this.children = List.copyOf(children);
        this.from = from;
    }

    @Override public String toString() {
        if (strategy == Strategy.CONTAINS_EAGER) return "containsEager(" + relationship + (from.alias() != null ? ", " + from.alias() : "") + ")";
        return strategy.name().toLowerCase(java.util.Locale.ROOT) + "Load(" + relationship + ")" + (innerJoin ? ".innerJoin()" : "");
    }
}
