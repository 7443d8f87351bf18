package org.athanor.orm.processor;

import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;
import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.TypeRules;

/** One basic (or embedded part) field: its annotations and type checked, and how generated code reaches it. */
final class AttributeChecks {
    private final EntityModel m;

    AttributeChecks(EntityModel m) { this.m = m; }

    /**
     * A field's jakarta.persistence annotations (see {@link AnnotationChecks#checkAnnotations}), {@code column} its effective
     * {@code @Column} (an @AttributeOverride's for an embedded field); false after reporting an error.
     */
    private boolean fieldAnnotationsHonoured(VariableElement f, TypeMirror type, String label, AnnotationMirror column) {
        for (AnnotationMirror a : f.getAnnotationMirrors()) {
            String p = AnnotationChecks.jakartaName(a) == null ? null : AnnotationRules.problem(AnnotationChecks.jakartaName(a), null);
            if (p != null) { m.error(f, label, p); return false; }
        }
        if (AnnotationChecks.nonEmpty(m.ann.value(column, "check"))) {
            m.error(f, label, AnnotationRules.problem("CheckConstraint", null));
            return false;
        }
        String ddl = column == null ? null : AnnotationRules.columnDdlProblem(m.ann.string(column, "options"), m.ann.string(column, "comment"));
        if (ddl != null) {
            m.error(f, label, ddl);
            return false;
        }
        Element t = type.getKind() == TypeKind.DECLARED ? m.types.asElement(type) : null;
        if (t != null && t.getKind() == ElementKind.ENUM)
            for (VariableElement c : ElementFilter.fieldsIn(t.getEnclosedElements()))
                if (Annotations.has(c, "EnumeratedValue")) {
                    m.error(f, label, AnnotationRules.problem("EnumeratedValue", null));
                    return false;
                }
        return true;
    }

    /**
     * Checks one field and decides how to reach it; null after reporting an error. {@code holder}: the
     * {@code @EmbeddedId} or @Embedded field it is reached through, else null; {@code column}: its effective @Column.
     */
    AttributeModel attribute(VariableElement f, TypeMirror type, AttributeModel.HolderModel holder, String label,
                             AnnotationMirror column) {
        String name = holder != null && holder.embedded() ? holder.name() + "." + f.getSimpleName() : f.getSimpleName().toString();
        if (!fieldAnnotationsHonoured(f, type, label, column)) return null;
        if (f.getModifiers().contains(Modifier.FINAL)) {
            m.error(f, label, "the field is final; persistent fields must be assignable (remove final, or mark the field @Transient)");
            return null;
        }
        TypeMirror erased = m.types.erasure(type);
        if (type.getKind() == TypeKind.ERROR || erased.getKind() == TypeKind.ERROR) {
            // not resolved (yet): another processor may generate it in a later round, else javac reports it
            m.unresolved = true;
            return null;
        }
        if (type.getKind() == TypeKind.TYPEVAR) {
            m.error(f, label, "its type " + f.asType() + " is a type variable that " + m.entity.getSimpleName()
                    + " does not bind to a class");
            return null;
        }
        boolean primitive = erased.getKind().isPrimitive();
        String typeName = erased.toString();
        String boxed = primitive ? m.types.boxedClass((javax.lang.model.type.PrimitiveType) erased).getQualifiedName().toString() : typeName;
        boolean isEnum = erased.getKind() == TypeKind.DECLARED && m.types.asElement(erased).getKind() == ElementKind.ENUM;
        boolean converted = Annotations.has(f, "Convert") && !m.ann.bool(Annotations.find(f, "Convert"), "disableConversion", false);
        boolean id = holder != null && !holder.embedded() || Annotations.has(f, "Id");
        boolean version = Annotations.has(f, "Version");

        if (Annotations.has(f, "Enumerated") && !isEnum) {
            m.error(f, label, "@Enumerated is only for enum fields, but the field is " + boxed);
            return null;
        }
        if (Annotations.has(f, "Lob") && !boxed.equals("java.lang.String") && !boxed.equals("byte[]")) {
            m.error(f, label, "@Lob is supported on String (TEXT) and byte[] (BLOB), not " + boxed);
            return null;
        }
        if (!converted && !isEnum && !TypeRules.BASIC.contains(boxed)) {
            m.error(f, label, "unsupported field type " + type + "; supported types are " + TypeRules.SUPPORTED
                    + "; or mark the field @Transient");
            return null;
        }
        if (id && !converted && !TypeRules.ID_TYPES.contains(boxed)) {
            m.error(f, label, "@Id on unsupported type " + typeName + "; id types are " + TypeRules.describe(TypeRules.ID_TYPES));
            return null;
        }
        if (version && !TypeRules.VERSION_TYPES.contains(boxed)) {
            m.error(f, label, Messages.unsupportedVersionType(typeName));
            return null;
        }
        AnnotationMirror gv = Annotations.find(f, "GeneratedValue");
        if (gv != null) {
            String strategy = m.ann.enumName(gv, "strategy");
            if (!id) { m.error(f, label, "@GeneratedValue is only allowed on the @Id field"); return null; }
            if (!Set.of("AUTO", "IDENTITY", "SEQUENCE").contains(strategy)) {
                m.error(f, label, "@GeneratedValue(strategy = " + strategy + ") is not supported; use IDENTITY, SEQUENCE, "
                        + "AUTO (= IDENTITY), or assign the value yourself");
                return null;
            }
            if (!TypeRules.INTEGRAL.contains(boxed)) {
                m.error(f, label, "@GeneratedValue(" + strategy + ") needs an integer field (short, int, long or their "
                        + "wrappers), but the field is " + typeName);
                return null;
            }
        }
        String columnName = m.ann.string(column, "name");
        if (converted && !Converters.check(m, f, label, boxed)) return null;
        return new AttributeModel(name, f, typeName, boxed, primitive, new FieldAccesses(m).access(f), holder, label,
                columnName.isEmpty() ? Naming.snakeCase(f.getSimpleName().toString()) : columnName, id, gv != null);
    }
}
