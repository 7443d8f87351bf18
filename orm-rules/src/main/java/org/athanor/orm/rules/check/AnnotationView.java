package org.athanor.orm.rules.check;

import java.util.List;

/**
 * One annotation on a mapped class, field or method, as the checks see it whichever side read it: its
 * qualified type name and its members (defaults included) as plain Java values. A member is a String,
 * a boxed primitive, an enum constant's name (a String), a {@link TypeView} for a class, an
 * {@code AnnotationView} for a nested annotation, or a {@code List} of those for an array.
 */
public interface AnnotationView {
    /** The annotation type's qualified name, e.g. {@code jakarta.persistence.Column}. */
    String type();

    /** The member's value, its default when not given; null when there is no such member. */
    Object value(String member);

    default String simpleName() { return type().substring(type().lastIndexOf('.') + 1); }

    /** Whether the annotation is one of jakarta.persistence (by package, not by name prefix). */
    default boolean isJakarta() { return type().equals(org.athanor.orm.rules.AnnotationRules.PACKAGE + "." + simpleName()); }

    /** A String or enum member; "" when absent. */
    default String string(String member) {
        Object v = value(member);
        return v == null ? "" : v.toString();
    }

    default boolean bool(String member, boolean absent) {
        Object v = value(member);
        return v == null ? absent : (Boolean) v;
    }

    /** An array member; empty when absent. */
    default List<?> list(String member) {
        Object v = value(member);
        return v instanceof List<?> l ? l : List.of();
    }
}
