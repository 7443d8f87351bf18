package org.athanor.orm.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.athanor.orm.rules.Messages;
import org.athanor.orm.rules.Naming;

/** The relationship fields: references, collections and their annotations (the runtime's ToOnes rules). */
final class References {
    private final EntityModel m;

    References(EntityModel m) { this.m = m; }

    /** Whether the @OneToOne field is the inverse side (it names {@code mappedBy}). */
    static boolean oneToOneInverse(VariableElement f) {
        javax.lang.model.element.AnnotationMirror o = Annotations.find(f, "OneToOne");
        for (var e : o.getElementValues().entrySet())
            if (e.getKey().getSimpleName().contentEquals("mappedBy") && !String.valueOf(e.getValue().getValue()).isEmpty()) return true;
        return false;
    }

    /** The compile-time form of the runtime's @OnDelete checks (ToOnes.onDelete). */
    void checkOnDelete(VariableElement f, javax.lang.model.element.AnnotationMirror onDelete) {
        String action = m.ann.enumName(onDelete, "value");
        String field = f.getSimpleName().toString();
        if ("SET_DEFAULT".equals(action))
            m.error(f, field, "@OnDelete(SET_DEFAULT) is not supported (the key column has no default, and MariaDB does not "
                    + "implement it); use CASCADE, SET_NULL, RESTRICT or NO_ACTION");
        if ("SET_NULL".equals(action)) {
            javax.lang.model.element.AnnotationMirror rel = Annotations.find(f, Annotations.has(f, "ManyToOne") ? "ManyToOne" : "OneToOne");
            javax.lang.model.element.AnnotationMirror jc = Annotations.find(f, "JoinColumn");
            if (!m.ann.bool(rel, "optional", true) || !m.ann.bool(jc, "nullable", true))
                m.error(f, field, "@OnDelete(SET_NULL) on a reference whose column is NOT NULL (optional = false or "
                        + "@JoinColumn(nullable = false)); make it optional, or use CASCADE");
        }
    }

    /**
     * Records the metamodel's typed attribute for a relationship field, an owning reference's key column and a
     * lazy reference's proxy target; the runtime checks the rest of the mapping.
     */
    void relationship(VariableElement f, boolean collection) {
        TypeMirror t = f.asType();
        if (collection) {
            if (t.getKind() != TypeKind.DECLARED || ((DeclaredType) t).getTypeArguments().size() != 1) return;
            t = ((DeclaredType) t).getTypeArguments().get(0);
        }
        if (t.getKind() != TypeKind.DECLARED) return;
        if (!collection && !(Annotations.has(f, "OneToOne") && oneToOneInverse(f))) m.referenceColumns.add(referenceColumn(f, (DeclaredType) t));
        m.relationships.add(new EntityModel.RelationshipModel(f.getSimpleName().toString(), m.types.erasure(t).toString(), collection));
        if (!collection && "LAZY".equals(m.ann.enumName(Annotations.find(f, Annotations.has(f, "ManyToOne") ? "ManyToOne" : "OneToOne"), "fetch"))
                && !(Annotations.has(f, "OneToOne") && oneToOneInverse(f)) && m.types.asElement(t) instanceof TypeElement target)
            m.lazyTargets.add(new EntityModel.LazyTarget(f, target));
    }

    /** As the runtime names it (ToOnes): @JoinColumn(name), else field_snake + "_" + the target's id column. */
    private String referenceColumn(VariableElement f, DeclaredType target) {
        String given = m.ann.string(Annotations.find(f, "JoinColumn"), "name");
        if (!given.isEmpty()) return given;
        String idColumn = "id";
        for (TypeElement c = (TypeElement) target.asElement(); c != null; ) {
            for (VariableElement v : ElementFilter.fieldsIn(c.getEnclosedElements()))
                if (Annotations.has(v, "Id")) {
                    String n = m.ann.string(Annotations.find(v, "Column"), "name");
                    idColumn = n.isEmpty() ? Naming.snakeCase(v.getSimpleName().toString()) : n;
                }
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(sup) : null;
        }
        return Naming.snakeCase(f.getSimpleName().toString()) + "_" + idColumn;
    }

    /**
     * A {@code @OneToMany} with {@code @JoinColumn} or without {@code mappedBy}: refused with the runtime's words
     * (ToOnes.mapCollections) until the unidirectional one-to-many is built.
     */
    boolean unidirectionalOneToMany(VariableElement f) {
        if (!Annotations.has(f, "OneToMany")) return false;
        if (Annotations.has(f, "JoinColumn")) {
            m.error(f, f.getSimpleName().toString(), Messages.oneToManyJoinColumn());
            return true;
        }
        if (!m.ann.string(Annotations.find(f, "OneToMany"), "mappedBy").isEmpty()) return false;
        TypeMirror t = f.asType();
        if (t.getKind() != TypeKind.DECLARED || ((DeclaredType) t).getTypeArguments().size() != 1) return false;
        if (!(m.types.asElement(((DeclaredType) t).getTypeArguments().get(0)) instanceof TypeElement target)) return false;
        m.error(f, f.getSimpleName().toString(), Messages.oneToManyWithoutMappedBy(target.getSimpleName().toString()));
        return true;
    }
}
