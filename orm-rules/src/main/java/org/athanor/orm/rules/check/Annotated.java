package org.athanor.orm.rules.check;

import java.util.List;

/** A class, field or method with annotations: what a check reports a {@link Problem} on. */
public interface Annotated {
    /** The annotations declared on it (not inherited), in source order. */
    List<AnnotationView> annotations();

    /** The jakarta.persistence annotation {@code simpleName} ("Id", "Column"), or null. */
    default AnnotationView annotation(String simpleName) {
        String qualified = org.athanor.orm.rules.AnnotationRules.PACKAGE + "." + simpleName;
        for (AnnotationView a : annotations()) if (a.type().equals(qualified)) return a;
        return null;
    }

    default boolean has(String simpleName) { return annotation(simpleName) != null; }

    /** The annotation of qualified type {@code qualified} (Athanor's own, outside jakarta.persistence), or null. */
    default AnnotationView annotationOf(String qualified) {
        for (AnnotationView a : annotations()) if (a.type().equals(qualified)) return a;
        return null;
    }
}
