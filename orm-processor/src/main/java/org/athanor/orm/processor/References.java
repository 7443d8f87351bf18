package org.athanor.orm.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.athanor.orm.rules.Messages;
import org.athanor.orm.rules.JoinColumnRules;
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
        if (!collection && !(Annotations.has(f, "OneToOne") && oneToOneInverse(f))) {
            List<String> columns = referenceColumns(f, (DeclaredType) t);
            if (columns == null) return;
            m.referenceColumns.addAll(columns);
        }
        m.relationships.add(new EntityModel.RelationshipModel(f.getSimpleName().toString(), m.types.erasure(t).toString(), collection));
        if (!collection && "LAZY".equals(m.ann.enumName(Annotations.find(f, Annotations.has(f, "ManyToOne") ? "ManyToOne" : "OneToOne"), "fetch"))
                && !(Annotations.has(f, "OneToOne") && oneToOneInverse(f)) && m.types.asElement(t) instanceof TypeElement target)
            m.lazyTargets.add(new EntityModel.LazyTarget(f, target));
    }

    /**
     * The key columns of owning reference {@code f} as the runtime resolves them (ToOnes, ReferenceColumns: the same
     * {@link JoinColumnRules}): one per key column of the target, named by @JoinColumn(s) or by default; null after
     * reporting a problem.
     */
    private List<String> referenceColumns(VariableElement f, DeclaredType target) {
        String field = f.getSimpleName().toString();
        TypeElement targetType = (TypeElement) target.asElement();
        List<String> keys = new ArrayList<>();
        for (TypeElement c = targetType; c != null; ) {
            List<String> own = new ArrayList<>();
            for (VariableElement v : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                if (EntityModel.skipped(v)) continue;
                if (Annotations.has(v, "Id") && (Annotations.has(v, "ManyToOne") || Annotations.has(v, "OneToOne"))) {
                    m.error(f, field, JoinColumnRules.derivedKeyTarget(targetType.getSimpleName().toString(), v.getSimpleName().toString()));
                    return null;
                }
                if (Annotations.has(v, "Id")) own.add(columnName(v, null));
                else if (Annotations.has(v, "EmbeddedId") && m.types.asElement(v.asType()) instanceof TypeElement key)
                    for (VariableElement part : ElementFilter.fieldsIn(key.getEnclosedElements()))
                        if (!EntityModel.skipped(part)) own.add(columnName(part, v));
            }
            keys.addAll(0, own); // superclasses' keys first, as the runtime's hierarchy order
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(sup) : null;
        }
        if (keys.isEmpty()) keys.add("id"); // no key: the target's own mapping reports it
        List<JoinColumnRules.Given> given = new ArrayList<>();
        AnnotationMirror single = Annotations.find(f, "JoinColumn");
        if (single != null) given.add(given(single));
        Object list = m.ann.value(Annotations.find(f, "JoinColumns"), "value");
        if (list instanceof List<?> l)
            for (Object o : l) if (((AnnotationValue) o).getValue() instanceof AnnotationMirror jc) given.add(given(jc));
        String targetName = targetType.getSimpleName().toString();
        JoinColumnRules.Result r = JoinColumnRules.resolve(field, targetName, keys, given);
        if (r.problem() != null) {
            m.error(f, field, r.problem());
            return null;
        }
        if (keys.size() > 1) {
            String p = JoinColumnRules.compositeProblem(Annotations.has(f, "OneToOne") ? "@OneToOne" : "@ManyToOne", targetName,
                    r.names(), Annotations.has(f, "Id"), Annotations.has(f, "MapsId"));
            if (p != null) {
                m.error(f, field, p);
                return null;
            }
        }
        return r.names();
    }

    private JoinColumnRules.Given given(AnnotationMirror jc) {
        return new JoinColumnRules.Given(m.ann.string(jc, "name"), m.ann.string(jc, "referencedColumnName"));
    }

    /** A key field's column: its @Column(name) (an @EmbeddedId component's may be overridden on the holder), else snake_case. */
    private String columnName(VariableElement v, VariableElement holder) {
        String n = m.ann.string(Annotations.find(v, "Column"), "name");
        if (holder != null) {
            List<AnnotationMirror> overrides = new ArrayList<>();
            AnnotationMirror one = Annotations.find(holder, "AttributeOverride");
            if (one != null) overrides.add(one);
            if (m.ann.value(Annotations.find(holder, "AttributeOverrides"), "value") instanceof List<?> l)
                for (Object o : l) if (((AnnotationValue) o).getValue() instanceof AnnotationMirror a) overrides.add(a);
            for (AnnotationMirror o : overrides)
                if (m.ann.string(o, "name").equals(v.getSimpleName().toString())
                        && m.ann.value(o, "column") instanceof AnnotationMirror col && !m.ann.string(col, "name").isEmpty())
                    n = m.ann.string(col, "name");
        }
        return n.isEmpty() ? Naming.snakeCase(v.getSimpleName().toString()) : n;
    }

    /**
     * A {@code @OneToMany} with {@code @JoinColumn}: the unidirectional one-to-many keyed in the element's table, checked
     * as the runtime's JoinColumnOneToManys does (same words from {@link Messages}); true when it was refused. Without
     * {@code mappedBy} and {@code @JoinColumn} it is a join-table collection ({@link #joinTableOneToMany}).
     */
    boolean unidirectionalOneToMany(VariableElement f) {
        if (!Annotations.has(f, "OneToMany") || !Annotations.has(f, "JoinColumn")) return false;
        String field = f.getSimpleName().toString();
        AnnotationMirror o = Annotations.find(f, "OneToMany"), jc = Annotations.find(f, "JoinColumn");
        String problem = null;
        if (!m.ann.string(o, "mappedBy").isEmpty()) problem = Messages.mappedByJoinColumn();
        else if (Annotations.has(f, "JoinTable")) problem = Messages.oneToManyJoinColumnAndTable();
        else if (!m.ann.string(jc, "referencedColumnName").isEmpty() && ownKeyColumn() != null
                && !m.ann.string(jc, "referencedColumnName").equalsIgnoreCase(ownKeyColumn()))
            problem = Messages.oneToManyJoinColumnReferenced(m.ann.string(jc, "referencedColumnName"), ownKeyColumn());
        else if (!m.ann.string(jc, "columnDefinition").isEmpty() || !m.ann.string(jc, "table").isEmpty()
                || !m.ann.string(jc, "options").isEmpty() || !m.ann.string(jc, "comment").isEmpty()
                || m.ann.value(jc, "check") instanceof List<?> checks && !checks.isEmpty()
                || !m.ann.bool(jc, "insertable", true) || !m.ann.bool(jc, "updatable", true) || m.ann.bool(jc, "unique", false)
                || m.ann.value(jc, "foreignKey") instanceof AnnotationMirror fk
                && (!m.ann.string(fk, "foreignKeyDefinition").isEmpty() || !m.ann.string(fk, "options").isEmpty()))
            problem = Messages.oneToManyJoinColumnMembers();
        else if (!m.ann.bool(jc, "nullable", true) && !(m.ann.bool(o, "orphanRemoval", false) && cascadesRemove(o)))
            problem = Messages.oneToManyJoinColumnNotNull();
        else {
            TypeElement element = elementOf(f, o);
            String column = m.ann.string(jc, "name").isEmpty() && ownKeyColumn() != null
                    ? Naming.snakeCase(field) + "_" + ownKeyColumn() : m.ann.string(jc, "name");
            if (element != null && inHierarchy(element) && element != m.entity)
                problem = Messages.oneToManyJoinColumnInheritance(element.getSimpleName().toString());
            else if (element != null && !column.isEmpty() && elementColumns(element).contains(column.toLowerCase(java.util.Locale.ROOT)))
                problem = Messages.oneToManyJoinColumnTaken(column, tableName(element));
        }
        if (problem == null) return false;
        m.error(f, field, problem);
        return true;
    }

    /** The entity's one {@code @Id} column (its {@code @Column(name)}, else snake_case); null when it has not exactly one. */
    private String ownKeyColumn() {
        List<String> keys = new ArrayList<>();
        for (TypeElement c = m.entity; c != null; ) {
            for (VariableElement v : ElementFilter.fieldsIn(c.getEnclosedElements()))
                if (!EntityModel.skipped(v) && Annotations.has(v, "Id")) keys.add(columnName(v, null));
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(sup) : null;
        }
        return keys.size() == 1 ? keys.get(0) : null;
    }

    /**
     * The columns the element's own fields map, lower case: its basic fields' ({@code @Column(name)} or snake_case) and
     * its references' explicit {@code @JoinColumn(name)}s (a reference's default name is left to the runtime's check).
     */
    private java.util.Set<String> elementColumns(TypeElement element) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (TypeElement c = element; c != null; ) {
            for (VariableElement v : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                if (EntityModel.skipped(v) || Annotations.has(v, "OneToMany") || Annotations.has(v, "ManyToMany")
                        || Annotations.has(v, "ElementCollection") || Annotations.has(v, "Embedded") || Annotations.has(v, "EmbeddedId"))
                    continue;
                if (Annotations.has(v, "ManyToOne") || Annotations.has(v, "OneToOne")) {
                    String n = m.ann.string(Annotations.find(v, "JoinColumn"), "name");
                    if (!n.isEmpty()) out.add(n.toLowerCase(java.util.Locale.ROOT));
                } else out.add(columnName(v, null).toLowerCase(java.util.Locale.ROOT));
            }
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(sup) : null;
        }
        return out;
    }

    /** The element's table name as its mapping names it: {@code @Table(name)}, else its entity name in snake_case. */
    private String tableName(TypeElement element) {
        String t = m.ann.string(Annotations.find(element, "Table"), "name");
        if (!t.isEmpty()) return t;
        String e = m.ann.string(Annotations.find(element, "Entity"), "name");
        return Naming.snakeCase(e.isEmpty() ? element.getSimpleName().toString() : e);
    }

    private boolean cascadesRemove(AnnotationMirror o) {
        if (!(m.ann.value(o, "cascade") instanceof List<?> l)) return false;
        for (Object v : l) {
            String n = ((javax.lang.model.element.VariableElement) ((AnnotationValue) v).getValue()).getSimpleName().toString();
            if (n.equals("REMOVE") || n.equals("ALL")) return true;
        }
        return false;
    }

    /** The collection's element class: {@code targetEntity}, else the type argument; null when neither is a class. */
    private TypeElement elementOf(VariableElement f, AnnotationMirror o) {
        Object te = m.ann.value(o, "targetEntity");
        TypeMirror t = te instanceof TypeMirror tm && tm.getKind() == TypeKind.DECLARED ? tm : null;
        if (t == null && f.asType() instanceof DeclaredType d && d.getTypeArguments().size() == 1) t = d.getTypeArguments().get(0);
        return t != null && t.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(t) : null;
    }

    /** Under {@code @Inheritance} or below an {@code @Entity} superclass (the runtime's check on the element). */
    private boolean inHierarchy(TypeElement target) {
        for (TypeElement c = target; c != null; ) {
            if (Annotations.has(c, "Inheritance")) return true;
            if (c != target && Annotations.has(c, "Entity")) return true;
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) m.types.asElement(sup) : null;
        }
        return false;
    }

    /** A {@code @OneToMany} with neither {@code mappedBy} nor {@code @JoinColumn}: JPA's join table (the runtime's rule). */
    boolean joinTableOneToMany(VariableElement f) {
        return Annotations.has(f, "OneToMany") && !Annotations.has(f, "JoinColumn")
                && m.ann.string(Annotations.find(f, "OneToMany"), "mappedBy").isEmpty();
    }
}
