package org.athanor.orm.internal.loading;

import java.util.List;

/**
 * A query's polymorphic load option as the loader reads it: {@code selectin} true for
 * {@code selectinPolymorphic(classes)} (those subclasses loaded by a SELECT each), false for
 * {@code withPolymorphic(classes)} (only those subclasses outer-joined). Immutable.
 */
public record PolymorphicSpec(List<Class<?>> classes, boolean selectin) {
    public PolymorphicSpec {
        classes = List.copyOf(classes);
    }

    @Override public String toString() {
        return (selectin ? "selectinPolymorphic(" : "withPolymorphic(")
                + String.join(", ", classes.stream().map(Class::getSimpleName).toList()) + ")";
    }
}
