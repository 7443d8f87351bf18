package org.athanor.orm.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;

/**
 * The compile-time form of the runtime's org.athanor.orm.mapping.Embeddeds: the fields of an
 * {@code @EmbeddedId} or {@code @Embedded} value become attributes of the entity (an embedded value's
 * named {@code holder.field}), with {@code @AttributeOverride} columns, and the same mistakes refused
 * in the same words.
 */
final class EmbeddedFields {
    private EmbeddedFields() {}

    private static final Set<String> NOT_IN_EMBEDDED = Set.of("Id", "Version", "GeneratedValue", "SequenceGenerator",
            "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "JoinColumn", "JoinColumns", "JoinTable", "OrderBy", "PrimaryKeyJoinColumn");
    private static final Set<String> ON_EMBEDDED = Set.of("Embedded", "AttributeOverride", "AttributeOverrides");

    /** Whether the field holds an embedded value: {@code @Embedded}, or its type is {@code @Embeddable}. */
    static boolean isEmbedded(EntityModel m, VariableElement f, TypeMirror type) {
        return Annotations.has(f, "Embedded") || !Annotations.has(f, "EmbeddedId") && type.getKind() == TypeKind.DECLARED
                && Annotations.has(m.types.asElement(type), "Embeddable");
    }

    /** Adds the attributes of the @EmbeddedId ({@code embedded} false) or @Embedded field {@code holder}. */
    static void add(EntityModel m, VariableElement holder, TypeMirror type, boolean embedded) {
        String hn = holder.getSimpleName().toString();
        if (!embedded && Annotations.has(holder, "Id")) { m.error(holder, hn, "use either @Id or @EmbeddedId on a field, not both"); return; }
        if (type.getKind() == TypeKind.ERROR) { m.unresolved = true; return; } // generated later, or javac reports it
        boolean embeddable = type.getKind() == TypeKind.DECLARED && Annotations.has(m.types.asElement(type), "Embeddable");
        if (!embeddable) {
            m.error(holder, hn, embedded ? Messages.embeddedNotEmbeddable(type.toString())
                    : "the @EmbeddedId type " + type + " must be annotated @Embeddable");
            return;
        }
        if (embedded)
            for (AnnotationMirror a : holder.getAnnotationMirrors()) {
                String n = jakartaName(a);
                if (n == null) continue;
                String p = AnnotationRules.problem(n, null);
                if (p == null && !ON_EMBEDDED.contains(n))
                    p = "@" + n + " has no meaning on an @Embedded field; annotate the embeddable's fields, or rename their"
                            + " columns with @AttributeOverride(name = ..., column = @Column(...))";
                if (p != null) { m.error(holder, hn, p); return; }
            }
        if (holder.getModifiers().contains(Modifier.FINAL)) { m.error(holder, hn, "the field is final; persistent fields must be assignable"); return; }
        TypeElement emb = (TypeElement) m.types.asElement(type);
        boolean ctorOk = ElementFilter.constructorsIn(emb.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
        if (!ctorOk || !m.accessibleType(emb)) {
            m.error(holder, hn, "the @Embeddable " + emb.getQualifiedName() + " needs a no-arg constructor that is "
                    + "not private, and must be accessible from package " + m.packageName);
            return;
        }
        for (TypeMirror s = emb.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement sc = (TypeElement) m.types.asElement(s);
            if (sc.getQualifiedName().contentEquals("java.lang.Object")) break;
            if (ElementFilter.fieldsIn(sc.getEnclosedElements()).stream().anyMatch(x -> !EntityModel.skipped(x))) {
                m.error(holder, hn, Messages.embeddableSuperclass(emb.getQualifiedName().toString(), sc.getQualifiedName().toString()));
                return;
            }
            s = sc.getSuperclass();
        }
        List<VariableElement> fields = new ArrayList<>();
        for (VariableElement f : ElementFilter.fieldsIn(emb.getEnclosedElements())) if (!EntityModel.skipped(f)) fields.add(f);
        Map<String, AnnotationMirror> overrides = overrides(m, holder, emb, fields);
        if (overrides == null) return;
        AttributeModel.HolderModel hm = new AttributeModel.HolderModel(hn, m.types.erasure(type).toString(), new FieldAccesses(m).access(holder), embedded);
        int before = m.attributes.size();
        for (VariableElement f : fields) {
            String label = hn + "." + f.getSimpleName();
            TypeMirror ft = m.types.asMemberOf((DeclaredType) type, f);
            if (embedded && !embeddedFieldOk(m, f, ft, label)) continue;
            AnnotationMirror column = overrides.get(f.getSimpleName().toString());
            AttributeModel a = new AttributeChecks(m).attribute(f, ft, hm, label, column != null ? column : Annotations.find(f, "Column"));
            if (a != null) m.attributes.add(a);
        }
        if (m.attributes.size() == before && !m.failed && !m.unresolved)
            m.error(holder, hn, "the @Embeddable " + emb.getQualifiedName() + " has no persistent fields");
    }

    private static boolean embeddedFieldOk(EntityModel m, VariableElement f, TypeMirror ft, String label) {
        if (Annotations.has(f, "Embedded") || Annotations.has(f, "EmbeddedId")
                || ft.getKind() == TypeKind.DECLARED && Annotations.has(m.types.asElement(ft), "Embeddable")) {
            m.error(f, label, Messages.nestedEmbedded(m.types.erasure(ft).toString()));
            return false;
        }
        for (AnnotationMirror a : f.getAnnotationMirrors()) {
            String n = jakartaName(a);
            if (n != null && NOT_IN_EMBEDDED.contains(n)) {
                m.error(f, label, Messages.notInEmbedded(n));
                return false;
            }
        }
        return true;
    }

    /** The @AttributeOverride columns by field name; null after reporting an error. */
    private static Map<String, AnnotationMirror> overrides(EntityModel m, VariableElement holder, TypeElement emb,
                                                          List<VariableElement> fields) {
        List<AnnotationMirror> given = new ArrayList<>();
        AnnotationMirror one = Annotations.find(holder, "AttributeOverride");
        if (one != null) given.add(one);
        if (m.ann.value(Annotations.find(holder, "AttributeOverrides"), "value") instanceof List<?> list)
            for (Object o : list) given.add((AnnotationMirror) ((javax.lang.model.element.AnnotationValue) o).getValue());
        List<String> names = fields.stream().map(f -> f.getSimpleName().toString()).toList();
        Map<String, AnnotationMirror> out = new HashMap<>();
        String hn = holder.getSimpleName().toString();
        for (AnnotationMirror o : given) {
            String name = m.ann.string(o, "name");
            if (!names.contains(name)) {
                m.error(holder, hn, Messages.overrideUnknown(name, emb.getQualifiedName().toString(), names));
                return null;
            }
            if (out.put(name, (AnnotationMirror) m.ann.value(o, "column")) != null) {
                m.error(holder, hn, Messages.overrideTwice(name));
                return null;
            }
        }
        return out;
    }

    private static String jakartaName(AnnotationMirror a) {
        TypeElement t = (TypeElement) a.getAnnotationType().asElement();
        return t.getQualifiedName().toString().equals(AnnotationRules.PACKAGE + "." + t.getSimpleName()) ? t.getSimpleName().toString() : null;
    }
}
