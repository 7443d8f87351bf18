package org.athanor.orm.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.athanor.orm.rules.Naming;

/**
 * One basic (or embedded part) field: checked by the rules shared with the runtime
 * (org.athanor.orm.rules.check.AttributeChecks, its converter's types included), then how generated code
 * reaches it.
 */
final class AttributeChecks {
    private final EntityModel m;

    AttributeChecks(EntityModel m) { this.m = m; }

    /**
     * Checks one field and decides how to reach it; null after reporting an error. {@code holder}: the
     * {@code @EmbeddedId} or @Embedded field it is reached through, else null; {@code column}: its effective @Column.
     */
    AttributeModel attribute(VariableElement f, TypeMirror type, AttributeModel.HolderModel holder, String label,
                             AnnotationMirror column) {
        String name = holder != null && holder.embedded() ? holder.name() + "." + f.getSimpleName() : f.getSimpleName().toString();
        TypeMirror erased = m.types.erasure(type);
        if (type.getKind() == TypeKind.ERROR || erased.getKind() == TypeKind.ERROR) {
            // not resolved (yet): another processor may generate it in a later round, else javac reports it
            m.unresolved = true;
            return null;
        }
        boolean id = holder != null && !holder.embedded() || Annotations.has(f, "Id");
        // the checks shared with the runtime (org.athanor.orm.rules.check.AttributeChecks)
        if (m.report(org.athanor.orm.rules.check.AttributeChecks.check(m.view, m.views.field(f, type), label,
                m.views.annotation(column), id)))
            return null;
        boolean primitive = erased.getKind().isPrimitive();
        String typeName = erased.toString();
        String boxed = primitive ? m.types.boxedClass((javax.lang.model.type.PrimitiveType) erased).getQualifiedName().toString() : typeName;
        AnnotationMirror gv = Annotations.find(f, "GeneratedValue");
        String columnName = m.ann.string(column, "name");
        return new AttributeModel(name, f, typeName, boxed, primitive, new FieldAccesses(m).access(f), holder, label,
                columnName.isEmpty() ? Naming.snakeCase(f.getSimpleName().toString()) : columnName, id, gv != null);
    }
}
