package org.athanor.orm.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations by qualified name from the language model: the processor never loads annotation
 * classes (class-valued members like {@code @Convert(converter)} cannot be read as Class at compile time).
 */
final class Annotations {
    static final String JPA = "jakarta.persistence.";

    private final Elements elements;

    Annotations(Elements elements) { this.elements = elements; }

    static AnnotationMirror find(Element e, String simpleName) {
        String qualified = JPA + simpleName;
        for (AnnotationMirror m : e.getAnnotationMirrors())
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualified)) return m;
        return null;
    }

    static boolean has(Element e, String simpleName) { return find(e, simpleName) != null; }

    /** A member's value, defaults included; null when the annotation is absent. */
    Object value(AnnotationMirror m, String member) {
        if (m == null) return null;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> en : elements.getElementValuesWithDefaults(m).entrySet())
            if (en.getKey().getSimpleName().contentEquals(member)) return en.getValue().getValue();
        return null;
    }

    String string(AnnotationMirror m, String member) {
        Object v = value(m, member);
        return v == null ? "" : v.toString();
    }

    boolean bool(AnnotationMirror m, String member, boolean absent) {
        Object v = value(m, member);
        return v == null ? absent : (Boolean) v;
    }

    /** An enum member's constant name (e.g. "IDENTITY"). */
    String enumName(AnnotationMirror m, String member) {
        Object v = value(m, member);
        return v == null ? null : ((Element) v).getSimpleName().toString();
    }
}
