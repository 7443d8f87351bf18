package org.athanor.orm.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.athanor.orm.rules.Messages;

/** The entity class itself: its shape, its place in an inheritance hierarchy, its key fields (the runtime's rules and words). */
final class ClassChecks {
    private final EntityModel m;

    ClassChecks(EntityModel m) { this.m = m; }

    boolean checkClass() {
        String kind = switch (m.entity.getKind()) {
            case RECORD -> "records are not entities (they are immutable); use a record as a read-only query "
                    + "projection, and map a class with a no-arg constructor as the @Entity";
            case CLASS -> null;
            default -> "an @Entity must be a class, not an interface or enum";
        };
        if (kind == null && m.entity.getModifiers().contains(Modifier.ABSTRACT) && !Annotations.has(m.entity, "Inheritance")
                && m.entitySuperclass() == null)
            kind = "an abstract @Entity has no rows of its own, so it must be the base of an inheritance hierarchy: "
                    + "annotate it @Inheritance(strategy = SINGLE_TABLE or JOINED) and map its concrete subclasses, or make "
                    + "it a @MappedSuperclass";
        if (kind != null) { m.error(m.entity, null, kind); return false; }
        if (m.entity.getNestingKind() == NestingKind.LOCAL || m.entity.getNestingKind() == NestingKind.ANONYMOUS
                || (m.entity.getNestingKind() == NestingKind.MEMBER && !m.entity.getModifiers().contains(Modifier.STATIC))) {
            m.error(m.entity, null, Messages.notTopLevel());
            return false;
        }
        for (Element e = m.entity; e instanceof TypeElement t; e = t.getEnclosingElement())
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                m.error(m.entity, null, "generated code cannot reach the private class " + t.getQualifiedName()
                        + "; make it package-private or public");
                return false;
            }
        if ("PROPERTY".equals(m.ann.enumName(Annotations.find(m.entity, "Access"), "value")))
            m.error(m.entity, null, Messages.propertyAccess());
        ExecutableElement noArg = null;
        for (ExecutableElement c : ElementFilter.constructorsIn(m.entity.getEnclosedElements()))
            if (c.getParameters().isEmpty()) noArg = c;
        if (noArg == null) m.error(m.entity, null, Messages.noNoArgConstructor());
        else m.privateConstructor = noArg.getModifiers().contains(Modifier.PRIVATE);
        return !m.failed;
    }

    /** The hierarchy rules the runtime's org.athanor.orm.mapping.Inheritance applies first, with its messages. */
    void checkInheritance() {
        TypeElement parent = m.entitySuperclass();
        if (parent == null) {
            if ("TABLE_PER_CLASS".equals(m.ann.enumName(Annotations.find(m.entity, "Inheritance"), "strategy"))) tablePerClassIds();
            return;
        }
        TypeElement root = parent;
        for (TypeMirror s = root.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement c = (TypeElement) m.types.asElement(s);
            if (Annotations.has(c, "Entity")) root = c;
            s = c.getSuperclass();
        }
        if ("TABLE_PER_CLASS".equals(m.ann.enumName(Annotations.find(root, "Inheritance"), "strategy"))) tablePerClassIds();
        if (!Annotations.has(root, "Inheritance"))
            m.error(m.entity, null, "extends the @Entity " + parent.getQualifiedName() + ", which declares no @Inheritance; "
                    + "annotate it @Inheritance (alone: JPA's default, SINGLE_TABLE with a DTYPE discriminator column; or strategy = "
                    + "JOINED or TABLE_PER_CLASS), or make it a @MappedSuperclass");
        else if (Annotations.has(m.entity, "Inheritance"))
            m.error(m.entity, null, "@Inheritance belongs on the root of the hierarchy (" + root.getQualifiedName() + "), not on a "
                    + "subclass; one hierarchy has one strategy");
    }

    /** TABLE_PER_CLASS: an IDENTITY key per table would repeat ids across the hierarchy (the runtime's message). */
    private void tablePerClassIds() {
        for (TypeElement c = m.entity; c != null; ) {
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                javax.lang.model.element.AnnotationMirror gv = Annotations.find(f, "GeneratedValue");
                if (gv == null || !Annotations.has(f, "Id")) continue;
                String strategy = m.ann.enumName(gv, "strategy");
                if (strategy == null || strategy.equals("AUTO") || strategy.equals("IDENTITY"))
                    m.error(f, f.getSimpleName().toString(), "TABLE_PER_CLASS keeps each class's rows in its own table, so one "
                            + "IDENTITY column per table would hand out the same id twice in the hierarchy; use "
                            + "@GeneratedValue(strategy = SEQUENCE) (one sequence for the hierarchy) or assign the ids");
            }
            TypeMirror s = c.getSuperclass();
            c = s.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(s) : null;
        }
    }

    void checkIds(List<VariableElement> ids, VariableElement embeddedId) {
        boolean idClass = Annotations.has(m.entity, "IdClass");
        if (!m.derivedIds.isEmpty()) {
            // the runtime's rules for derived identities (org.athanor.orm.mapping.DerivedIds), same messages
            VariableElement f = m.derivedIds.get(0);
            if (Annotations.has(f, "MapsId")) m.error(f, f.getSimpleName().toString(), Messages.mapsIdWithId());
            else if (m.entitySuperclass() != null || Annotations.has(m.entity, "Inheritance"))
                m.error(f, f.getSimpleName().toString(), Messages.derivedIdInHierarchy());
            else if (embeddedId != null) m.error(embeddedId, embeddedId.getSimpleName().toString(), Messages.embeddedIdAndId());
            else if (!idClass) m.error(f, f.getSimpleName().toString(), Messages.derivedIdWithoutIdClass(f.getSimpleName().toString()));
            return;
        }
        if (ids.isEmpty()) {
            for (TypeElement c = m.entity; c != null; ) {
                for (ExecutableElement method : ElementFilter.methodsIn(c.getEnclosedElements()))
                    if (Annotations.has(method, "Id") || Annotations.has(method, "EmbeddedId")) {
                        m.error(method, null, "@Id is on the method " + method.getSimpleName() + "(); Athanor maps fields (field "
                                + "access), so put @Id and the other annotations on the fields");
                        return;
                    }
                TypeMirror s = c.getSuperclass();
                c = s.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(s) : null;
            }
            m.error(m.entity, null, "has no @Id field; mark the primary key field with @Id (or @EmbeddedId / several @Id "
                    + "with @IdClass for a composite key)");
            return;
        }
        if (embeddedId != null && ids.size() > 1) {
            m.error(embeddedId, embeddedId.getSimpleName().toString(), Messages.embeddedIdAndId());
            return;
        }
        if (ids.size() > 1 && !idClass)
            m.error(m.entity, null, Messages.compositeKeyWithoutIdClass(ids.stream().map(v -> v.getSimpleName().toString()).toList()));
    }
}
