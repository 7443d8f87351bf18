package org.athanor.orm.processor;

import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.athanor.orm.rules.check.AnnotationView;
import org.athanor.orm.rules.check.EmbeddedChecks;
import org.athanor.orm.rules.check.FieldView;

/**
 * The compile-time side of the runtime's org.athanor.orm.mapping.Embeddeds: the fields of an
 * {@code @EmbeddedId} or {@code @Embedded} value become attributes of the entity (an embedded value's
 * named {@code holder.field}), with {@code @AttributeOverride} columns; the mistakes are refused by the
 * checks both share (org.athanor.orm.rules.check.EmbeddedChecks).
 */
final class EmbeddedFields {
    private EmbeddedFields() {}

    /** Whether the field holds an embedded value: {@code @Embedded}, or its type is {@code @Embeddable}. */
    static boolean isEmbedded(EntityModel m, VariableElement f, TypeMirror type) {
        return EmbeddedChecks.isEmbedded(m.views.field(f, type));
    }

    /**
     * Adds the attributes of the @EmbeddedId ({@code embedded} false) or @Embedded field {@code holder}, checked
     * by the rules shared with the runtime (EmbeddedChecks), then each field as a basic one.
     */
    static void add(EntityModel m, VariableElement holder, TypeMirror type, boolean embedded) {
        String hn = holder.getSimpleName().toString();
        if (type.getKind() == TypeKind.ERROR) { m.unresolved = true; return; } // generated later, or javac reports it
        FieldView view = m.views.field(holder, type);
        if (m.report(EmbeddedChecks.check(view, embedded))) return;
        // generated code creates and reaches the embeddable (the runtime needs no such rule)
        TypeElement emb = (TypeElement) m.types.asElement(type);
        boolean ctorOk = ElementFilter.constructorsIn(emb.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
        if (!ctorOk || !m.accessibleType(emb)) {
            m.error(holder, hn, "the @Embeddable " + emb.getQualifiedName() + " needs a no-arg constructor that is "
                    + "not private, and must be accessible from package " + m.packageName);
            return;
        }
        Map<String, AnnotationView> overrides = EmbeddedChecks.overrides(view);
        AttributeModel.HolderModel hm = new AttributeModel.HolderModel(hn, m.types.erasure(type).toString(),
                new FieldAccesses(m).access(holder), embedded);
        for (VariableElement f : ElementFilter.fieldsIn(emb.getEnclosedElements())) {
            if (EntityModel.skipped(f)) continue;
            TypeMirror ft = m.types.asMemberOf((DeclaredType) type, f);
            AnnotationView override = overrides.get(f.getSimpleName().toString());
            AttributeModel a = new AttributeChecks(m).attribute(f, ft, hm, hn + "." + f.getSimpleName(),
                    override != null ? m.views.mirror(override) : Annotations.find(f, "Column"));
            if (a != null) m.attributes.add(a);
        }
    }
}
