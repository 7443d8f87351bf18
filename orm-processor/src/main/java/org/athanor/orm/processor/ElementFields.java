package org.athanor.orm.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.ElementRules;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * The compile-time form of the runtime's {@code @ElementCollection} mapping (org.athanor.orm.mapping.ElementCollections):
 * the same checks in the same order, with the same words (orm-rules {@link ElementRules}); an accepted field becomes
 * a collection attribute of the metamodel ({@code Relationship<Owner, Value>}), for the load options, {@code join}
 * and {@code any}. Checks needing the owner's key column (the join column's name and referencedColumnName) run
 * once every field is read ({@link #checkKeyColumns}).
 */
final class ElementFields {
    private ElementFields() {}

    /** A field annotated {@code @ElementCollection} or {@code @CollectionTable}. */
    static void add(EntityModel m, VariableElement f, TypeMirror type) {
        String label = f.getSimpleName().toString();
        if (!Annotations.has(f, "ElementCollection")) {
            m.error(f, label, ElementRules.collectionTableWithout());
            return;
        }
        for (AnnotationMirror a : f.getAnnotationMirrors()) {
            TypeElement t = (TypeElement) a.getAnnotationType().asElement();
            String n = t.getSimpleName().toString();
            if (t.getQualifiedName().contentEquals(Annotations.ON_DELETE)) {
                m.error(f, label, ElementRules.notCombinable("OnDelete"));
                return;
            }
            if (!t.getQualifiedName().contentEquals(AnnotationRules.PACKAGE + "." + n)) continue;
            if (n.equals("OrderColumn")) { // a List's positions; refused elsewhere (AnnotationRules)
                if (m.types.erasure(type).toString().equals("java.util.Set")) {
                    m.error(f, label, ElementRules.orderColumnOnSet());
                    return;
                }
                continue;
            }
            String p = n.equals("OrderBy") ? ElementRules.orderBy()
                    : n.equals("Lob") ? ElementRules.lobElement() : AnnotationRules.problem(n, null);
            if (p == null && !ElementRules.COMBINABLE.contains(n)) p = ElementRules.notCombinable(n);
            if (p != null) {
                m.error(f, label, p);
                return;
            }
        }
        if (f.getModifiers().contains(Modifier.FINAL)) {
            m.error(f, label, ElementRules.finalField());
            return;
        }
        TypeMirror erased = m.types.erasure(type);
        if (type.getKind() == TypeKind.ERROR || erased.getKind() == TypeKind.ERROR) return; // javac reports it
        String collection = erased.toString();
        if (!List.of("java.util.List", "java.util.Set", "java.util.Collection").contains(collection)) {
            m.error(f, label, ElementRules.collectionType(collection));
            return;
        }
        AnnotationMirror ec = Annotations.find(f, "ElementCollection");
        Object targetClass = m.ann.value(ec, "targetClass");
        TypeMirror element = targetClass instanceof TypeMirror tc && tc.getKind() != TypeKind.VOID ? tc
                : type instanceof DeclaredType d && d.getTypeArguments().size() == 1 ? d.getTypeArguments().get(0) : null;
        if (element == null || element.getKind() != TypeKind.DECLARED && element.getKind() != TypeKind.ARRAY) {
            m.error(f, label, ElementRules.noElementType(f.asType().toString()));
            return;
        }
        Element el = element.getKind() == TypeKind.DECLARED ? m.types.asElement(element) : null;
        if (el != null && Annotations.has(el, "Embeddable")) {
            m.error(f, label, ElementRules.embeddableElement(el.getSimpleName().toString()));
            return;
        }
        if (el != null && Annotations.has(el, "Entity")) {
            m.error(f, label, ElementRules.entityElement(el.getSimpleName().toString()));
            return;
        }
        String boxed = m.types.erasure(element).toString();
        if (boxed.equals("byte[]")) {
            m.error(f, label, ElementRules.lobElement());
            return;
        }
        if ("EAGER".equals(m.ann.enumName(ec, "fetch"))) {
            m.error(f, label, ElementRules.eager(m.entity.getSimpleName().toString(), label));
            return;
        }
        AnnotationMirror col = Annotations.find(f, "Column");
        if (col != null && !columnAccepted(m, f, label, col)) return;
        // what the values may be: the rule shared with the runtime and with basic fields (AttributeChecks)
        String value = org.athanor.orm.rules.check.AttributeChecks.valueProblem(m.views.field(f, type), m.views.type(element));
        if (value != null) {
            m.error(f, label, value);
            return;
        }
        AnnotationMirror ct = Annotations.find(f, "CollectionTable");
        if (ct != null && !collectionTableAccepted(m, f, label, ct)) return;
        AnnotationMirror oc = Annotations.find(f, "OrderColumn");
        String ocMember = oc == null ? null : !m.ann.bool(oc, "insertable", true) ? "insertable" : !m.ann.bool(oc, "updatable", true)
                ? "updatable" : !m.ann.string(oc, "columnDefinition").isEmpty() ? "columnDefinition"
                : !m.ann.string(oc, "options").isEmpty() ? "options" : null;
        if (ocMember != null) {
            m.error(f, label, ElementRules.orderColumnMember(ocMember));
            return;
        }
        m.relationships.add(new EntityModel.RelationshipModel(label, boxed, true, true));
        m.elementFields.add(f);
    }

    private static boolean columnAccepted(EntityModel m, VariableElement f, String label, AnnotationMirror col) {
        String ddl = AnnotationRules.columnDdlProblem(m.ann.string(col, "options"), m.ann.string(col, "comment"));
        String member = !m.ann.string(col, "table").isEmpty() ? "table" : !m.ann.bool(col, "nullable", true) ? "nullable = false"
                : m.ann.bool(col, "unique", false) ? "unique" : !m.ann.bool(col, "insertable", true) ? "insertable"
                : !m.ann.bool(col, "updatable", true) ? "updatable" : nonEmpty(m.ann.value(col, "check")) ? "check" : null;
        String p = ddl != null ? ddl : member != null ? ElementRules.columnMember(member) : null;
        if (p != null) m.error(f, label, p);
        return p == null;
    }

    private static boolean collectionTableAccepted(EntityModel m, VariableElement f, String label, AnnotationMirror ct) {
        String p = AnnotationRules.ddlMemberProblem("CollectionTable", "options", m.ann.string(ct, "options"));
        AnnotationMirror fk = (AnnotationMirror) m.ann.value(ct, "foreignKey");
        // several joinColumns: checked against the owner's key columns once every field is read (checkKeyColumns)
        String member = !m.ann.string(ct, "catalog").isEmpty() ? "catalog"
                : nonEmpty(m.ann.value(ct, "uniqueConstraints")) ? "uniqueConstraints" : nonEmpty(m.ann.value(ct, "indexes")) ? "indexes"
                : !m.ann.string(fk, "foreignKeyDefinition").isEmpty() || !m.ann.string(fk, "options").isEmpty() ? "foreignKey definition"
                : null;
        if (p == null && member != null) p = ElementRules.collectionTableMember(member);
        if (p != null) m.error(f, label, p);
        return p == null;
    }

    /**
     * After every field is read: the join column's referencedColumnName must be the key column, and its name (or the
     * default {@code <entity>_<key column>}) must differ from the value column's (as the runtime checks).
     */
    static void checkKeyColumns(EntityModel m) {
        if (m.elementFields.isEmpty()) return;
        List<AttributeModel> ids = m.attributes.stream().filter(AttributeModel::id).toList();
        for (VariableElement f : m.elementFields) {
            String label = f.getSimpleName().toString();
            String owner = m.entity.getSimpleName().toString();
            if (!m.derivedIds.isEmpty()) {
                m.error(f, label, "the target " + owner + " has a composite key (its reference " + m.derivedIds.get(0).getSimpleName()
                        + " is part of it); references to composite keys are not supported yet");
                continue;
            }
            List<String> keyColumns = ids.stream().map(AttributeModel::columnName).toList();
            String keyColumn = keyColumns.get(0);
            AnnotationMirror ct = Annotations.find(f, "CollectionTable");
            List<AnnotationMirror> jcs = ct == null ? List.of() : joinColumns(m, ct);
            if (keyColumns.size() == 1 && jcs.size() > 1) {
                m.error(f, label, ElementRules.collectionTableMember("several joinColumns"));
                continue;
            }
            boolean bad = false;
            for (AnnotationMirror jc : jcs) {
                String ref = m.ann.string(jc, "referencedColumnName");
                AnnotationMirror jfk = (AnnotationMirror) m.ann.value(jc, "foreignKey");
                // a composite key's referencedColumnNames are checked with the names below (JoinColumnRules)
                String member = keyColumns.size() == 1 && !ref.isEmpty() && !ref.equalsIgnoreCase(keyColumn)
                        ? "joinColumns = @JoinColumn(referencedColumnName = \"" + ref + "\"), not the key column " + keyColumn + ","
                        : !m.ann.string(jc, "columnDefinition").isEmpty() || !m.ann.string(jc, "table").isEmpty()
                          || !m.ann.string(jc, "options").isEmpty() || nonEmpty(m.ann.value(jc, "check"))
                          || !m.ann.bool(jc, "insertable", true) || !m.ann.bool(jc, "updatable", true) || m.ann.bool(jc, "unique", false)
                          || "NO_CONSTRAINT".equals(m.ann.enumName(jfk, "value")) || !m.ann.string(jfk, "name").isEmpty()
                        ? "joinColumns = @JoinColumn(...) with more than name and referencedColumnName" : null;
                if (member != null) {
                    m.error(f, label, ElementRules.collectionTableMember(member));
                    bad = true;
                    break;
                }
            }
            if (bad) continue;
            String entityName = entityName((TypeElement) f.getEnclosingElement(), m);
            String table = ct != null && !m.ann.string(ct, "name").isEmpty() ? m.ann.string(ct, "name") : ElementRules.defaultTable(entityName, label);
            // one column per key column, named as the runtime names them (JoinColumnRules; default <entity>_<key column>)
            List<JoinColumnRules.Given> given = jcs.stream().map(jc -> new JoinColumnRules.Given(m.ann.string(jc, "name"),
                    m.ann.string(jc, "referencedColumnName"))).toList();
            JoinColumnRules.Result names = JoinColumnRules.resolve(entityName, owner, keyColumns, given, "@CollectionTable(joinColumns = {...})");
            if (names.problem() != null) {
                m.error(f, label, "@CollectionTable(joinColumns): " + names.problem());
                continue;
            }
            AnnotationMirror col = Annotations.find(f, "Column");
            String value = col != null && !m.ann.string(col, "name").isEmpty() ? m.ann.string(col, "name") : ElementRules.defaultValueColumn(label);
            for (String own : names.names())
                if (own.equalsIgnoreCase(value)) m.error(f, label, ElementRules.sameColumns(table, own));
        }
    }

    private static String entityName(TypeElement c, EntityModel m) {
        String n = m.ann.string(Annotations.find(c, "Entity"), "name");
        return n.isEmpty() ? c.getSimpleName().toString() : n;
    }

    private static List<AnnotationMirror> joinColumns(EntityModel m, AnnotationMirror ct) {
        Object v = m.ann.value(ct, "joinColumns");
        if (!(v instanceof List<?> l)) return List.of();
        return l.stream().map(x -> (AnnotationMirror) ((AnnotationValue) x).getValue()).toList();
    }

    private static boolean nonEmpty(Object arrayValue) { return arrayValue instanceof List<?> l && !l.isEmpty(); }
}
