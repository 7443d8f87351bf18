package org.athanor.orm.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.athanor.orm.rules.check.ConverterChecks;

/** Compile-time check of {@code @Convert(converter = C.class)} on an element collection: the rules shared with the runtime (ConverterChecks). */
final class Converters {
    private Converters() {}

    /** False after reporting a mistake of field {@code f}'s converter for values of type {@code value}. */
    static boolean check(EntityModel m, VariableElement f, String label, TypeMirror value) {
        AnnotationMirror convert = Annotations.find(f, "Convert");
        if (!(m.ann.value(convert, "converter") instanceof DeclaredType converter)) return true; // unresolved: javac reports it
        String p = ConverterChecks.problem(m.views.type(converter), m.views.type(value));
        if (p != null) m.error(f, label, p);
        return p == null;
    }
}
