package org.athanor.orm.internal.loading;

import java.util.List;
import org.athanor.orm.Relationship;

/**
 * What a {@link org.athanor.orm.LoadOption} asks for, as the loaders read it: the relationship, the
 * strategy and the options for the objects it loads. Made by {@code LoadOption} (the API type keeps its
 * checks and its {@code then()}); immutable.
 */
public final class LoadSpec {
    /** SQLAlchemy's strategy names. */
    public enum Strategy { LAZY, SELECTIN, RAISE, NOLOAD, JOINED }

    public final Relationship<?, ?> relationship;
    public final Strategy strategy;
    public final List<LoadSpec> children;

    public LoadSpec(Relationship<?, ?> relationship, Strategy strategy, List<LoadSpec> children) {
        this.relationship = relationship;
        this.strategy = strategy;
        this.children = List.copyOf(children);
    }

    @Override public String toString() { return strategy.name().toLowerCase(java.util.Locale.ROOT) + "Load(" + relationship + ")"; }
}
