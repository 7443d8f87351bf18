package org.athanor.orm.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.athanor.orm.rules.TypeRules;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Compile-time check of {@code @Convert(converter = C.class)}: the same rules and words as the runtime. */
final class Converters {
    private static final String ATTRIBUTE_CONVERTER = "jakarta.persistence.AttributeConverter";

    private Converters() {}

    static boolean check(EntityModel m, VariableElement f, String label, String boxedFieldType) {
        AnnotationMirror convert = Annotations.find(f, "Convert");
        Object value = m.ann.value(convert, "converter");
        if (!(value instanceof DeclaredType converter)) return true;   // unresolved type: javac reports it
        Types types = m.types;
        String name = ((TypeElement) converter.asElement()).getQualifiedName().toString();
        if (name.equals(ATTRIBUTE_CONVERTER)) return true; // refused by the shared AttributeChecks
        List<? extends TypeMirror> args = typeArguments(types, converter);
        if (args == null) {
            m.error(f, label, "cannot tell the types of converter " + name + "; it must implement AttributeConverter<X, Y> "
                    + "with concrete classes X and Y");
            return false;
        }
        TypeMirror x = box(types, types.erasure(args.get(0)));
        TypeMirror field = box(types, types.erasure(f.asType()));
        if (!types.isAssignable(field, x)) {
            m.error(f, label, "converter " + name + " converts " + x + ", but the field is " + boxedFieldType);
            return false;
        }
        String y = box(types, types.erasure(args.get(1))).toString();
        if (!TypeRules.BASIC.contains(y)) {
            m.error(f, label, "converter " + name + " produces " + y + ", which is not a supported column type; "
                    + "supported types are " + TypeRules.SUPPORTED);
            return false;
        }
        return true;
    }

    private static TypeMirror box(Types types, TypeMirror t) {
        return t.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) t).asType() : t;
    }

    /** X and Y of AttributeConverter<X, Y> as seen from the converter; null when they are type variables. */
    private static List<? extends TypeMirror> typeArguments(Types types, DeclaredType converter) {
        Deque<TypeMirror> todo = new ArrayDeque<>(List.of(converter));
        while (!todo.isEmpty()) {
            TypeMirror t = todo.pop();
            if (t instanceof DeclaredType d
                    && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(ATTRIBUTE_CONVERTER)) {
                List<? extends TypeMirror> args = d.getTypeArguments();
                if (args.size() != 2 || args.stream().anyMatch(a -> a.getKind() != TypeKind.DECLARED && a.getKind() != TypeKind.ARRAY))
                    return null;
                return args;
            }
            todo.addAll(types.directSupertypes(t));
        }
        return null;
    }
}
