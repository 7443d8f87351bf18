package org.athanor.orm.internal.loading;

import java.util.ArrayList;
import java.util.List;

/** Lookups in a query's {@link LoadSpec}s by relationship name. */
final class LoadOptions {
    private LoadOptions() {}

    /** The {@code then()} options of the options for relationship {@code name}, for the objects it loads. */
    static List<LoadSpec> childrenOf(List<LoadSpec> options, String name) {
        if (options.isEmpty()) return List.of();
        List<LoadSpec> out = new ArrayList<>();
        for (LoadSpec o : options) if (o.relationship.name().equals(name)) out.addAll(o.children);
        return out;
    }

    /** The polymorphic load option given (through {@code then()}) for the objects relationship {@code name} loads, or null. */
    static PolymorphicSpec polymorphicOf(List<LoadSpec> options, String name) {
        for (LoadSpec o : options) if (o.polymorphic != null && o.relationship.name().equals(name)) return o.polymorphic;
        return null;
    }

    /** Whether the options ask {@code selectinLoad} for relationship {@code name} (a LAZY reference then loads with the query). */
    static boolean selectin(List<LoadSpec> options, String name) {
        for (LoadSpec o : options) if (o.strategy == LoadSpec.Strategy.SELECTIN && o.relationship.name().equals(name)) return true;
        return false;
    }
}
