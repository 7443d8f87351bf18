package org.athanor.orm;

import java.util.ArrayList;
import java.util.List;

/** Lookups in a query's {@link LoadOption}s by relationship name. */
final class LoadOptions {
    private LoadOptions() {}

    /** The {@code then()} options of the options for relationship {@code name}, for the objects it loads. */
    static List<LoadOption> childrenOf(List<LoadOption> options, String name) {
        if (options.isEmpty()) return List.of();
        List<LoadOption> out = new ArrayList<>();
        for (LoadOption o : options) if (o.relationship.name().equals(name)) out.addAll(o.children);
        return out;
    }
}
