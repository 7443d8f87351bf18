package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.ElementRules;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * An {@code @ElementCollection} field (a collection of basic values in a collection table): its annotations, its
 * declared type, its element type, {@code @Column}, {@code @CollectionTable} and its join columns against the owner's
 * key, {@code @OrderColumn}. Written once for the runtime (org.athanor.orm.mapping.ElementCollections builds the
 * table of an accepted field) and the annotation processor; the words are {@link ElementRules}'. What the values may
 * be is {@link AttributeChecks#valueProblem}, the rule of basic fields.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class ElementCollectionChecks {
    private ElementCollectionChecks() {}

    private static final List<String> COLLECTIONS = List.of("java.util.List", "java.util.Set", "java.util.Collection");

    /** The first mistake of {@code @ElementCollection} field {@code f} of {@code entity}, or null. */
    public static Problem check(ClassView entity, FieldView f) {
        String m = message(entity, f);
        return m == null ? null : new Problem(f, f.name(), m);
    }

    /** The element type: {@code targetClass}, else the declared type's argument; null when neither is given. */
    public static TypeView elementType(FieldView f) {
        Object target = f.annotation("ElementCollection").value("targetClass");
        return target instanceof TypeView t && !t.name().equals("void") ? t : f.elementType();
    }

    private static String message(ClassView entity, FieldView f) {
        String set = f.type().name();
        String p = annotations(f, set.equals("java.util.Set"));
        if (p != null) return p;
        if (f.isFinal()) return ElementRules.finalField();
        if (!COLLECTIONS.contains(set)) return ElementRules.collectionType(f.type().messageName());
        TypeView element = elementType(f);
        if (element == null) return ElementRules.noElementType(f.type().display());
        ClassView el = element.asClass();
        if (el != null && el.has("Embeddable")) return ElementRules.embeddableElement(el.simpleName());
        if (el != null && el.has("Entity")) return ElementRules.entityElement(el.simpleName());
        if (element.name().equals("byte[]")) return ElementRules.lobElement();
        if (f.annotation("ElementCollection").string("fetch").equals("EAGER")) return ElementRules.eager(entity.simpleName(), f.name());
        AnnotationView col = f.annotation("Column");
        if (col != null && (p = column(col)) != null) return p;
        if ((p = AttributeChecks.valueProblem(f, element)) != null) return p;
        return table(entity, f, set.equals("java.util.Set"), col);
    }

    private static String annotations(FieldView f, boolean set) {
        for (AnnotationView a : f.annotations()) {
            if (a.type().equals(RelationshipChecks.ON_DELETE)) return ElementRules.notCombinable("OnDelete");
            if (!a.isJakarta()) continue;
            String n = a.simpleName();
            if (n.equals("OrderColumn")) { // a List's positions; refused elsewhere (AnnotationRules)
                if (set) return ElementRules.orderColumnOnSet();
                continue;
            }
            if (n.equals("OrderBy")) return ElementRules.orderBy();
            if (n.equals("Lob")) return ElementRules.lobElement();
            String p = AnnotationRules.problem(n, null);
            if (p != null) return p;
            if (!ElementRules.COMBINABLE.contains(n)) return ElementRules.notCombinable(n);
        }
        return null;
    }

    private static String column(AnnotationView col) {
        String ddl = AnnotationRules.columnDdlProblem(col.string("options"), col.string("comment"));
        if (ddl != null) return ddl;
        String member = !col.string("table").isEmpty() ? "table" : !col.bool("nullable", true) ? "nullable = false"
                : col.bool("unique", false) ? "unique" : !col.bool("insertable", true) ? "insertable"
                : !col.bool("updatable", true) ? "updatable" : !col.list("check").isEmpty() ? "check" : null;
        return member == null ? null : ElementRules.columnMember(member);
    }

    /** The collection table: its members, its join columns against the owner's key, its columns' names. */
    private static String table(ClassView entity, FieldView f, boolean set, AnnotationView col) {
        KeyColumns.Keys key = KeyColumns.of(entity);
        if (key.problem() != null) return key.problem();
        AnnotationView ct = f.annotation("CollectionTable");
        List<AnnotationView> joinColumns = new ArrayList<>();
        if (ct != null) {
            String ddl = AnnotationRules.ddlMemberProblem("CollectionTable", "options", ct.string("options"));
            if (ddl != null) return ddl;
            for (Object o : ct.list("joinColumns")) joinColumns.add((AnnotationView) o);
            String member = collectionTableMember(ct, joinColumns, key);
            if (member != null) return ElementRules.collectionTableMember(member);
        }
        String entityName = KeyColumns.entityName(entity);
        String tableName = ct != null && !ct.string("name").isEmpty() ? ct.string("name") : ElementRules.defaultTable(entityName, f.name());
        // one column per owner key column: <entity>_<key column> by default (JPA), or as the @JoinColumns name them
        JoinColumnRules.Result names = JoinColumnRules.resolve(entityName, entity.simpleName(), key.columns(), KeyColumns.given(joinColumns),
                "@CollectionTable(joinColumns = {...})");
        if (names.problem() != null) return "@CollectionTable(joinColumns): " + names.problem();
        String value = col != null && !col.string("name").isEmpty() ? col.string("name") : ElementRules.defaultValueColumn(f.name());
        for (String own : names.names()) if (own.equalsIgnoreCase(value)) return ElementRules.sameColumns(tableName, own);
        AnnotationView oc = f.annotation("OrderColumn");
        if (oc == null) return null;
        String member = !oc.bool("insertable", true) ? "insertable" : !oc.bool("updatable", true) ? "updatable"
                : !oc.string("columnDefinition").isEmpty() ? "columnDefinition" : !oc.string("options").isEmpty() ? "options" : null;
        if (member != null) return ElementRules.orderColumnMember(member);
        String position = oc.string("name").isEmpty() ? ElementRules.defaultOrderColumn(f.name()) : oc.string("name");
        List<String> others = new ArrayList<>(names.names());
        others.add(value);
        for (String other : others) if (other.equalsIgnoreCase(position)) return ElementRules.sameColumns(tableName, other);
        return null;
    }

    private static String collectionTableMember(AnnotationView ct, List<AnnotationView> joinColumns, KeyColumns.Keys key) {
        AnnotationView fk = (AnnotationView) ct.value("foreignKey");
        String member = !ct.string("catalog").isEmpty() ? "catalog" : joinColumns.size() > 1 && key.size() == 1 ? "several joinColumns"
                : !ct.list("uniqueConstraints").isEmpty() ? "uniqueConstraints" : !ct.list("indexes").isEmpty() ? "indexes"
                : !fk.string("foreignKeyDefinition").isEmpty() || !fk.string("options").isEmpty() ? "foreignKey definition" : null;
        if (member != null) return member;
        for (AnnotationView jc : joinColumns) {
            String ref = jc.string("referencedColumnName");
            // a composite key's referencedColumnNames are checked with the names (JoinColumnRules)
            if (key.size() == 1 && !ref.isEmpty() && !ref.equalsIgnoreCase(key.get(0)))
                return "joinColumns = @JoinColumn(referencedColumnName = \"" + ref + "\"), not the key column " + key.get(0) + ",";
            AnnotationView jfk = (AnnotationView) jc.value("foreignKey");
            if (!jc.string("columnDefinition").isEmpty() || !jc.string("table").isEmpty() || !jc.string("options").isEmpty()
                    || !jc.list("check").isEmpty() || !jc.bool("insertable", true) || !jc.bool("updatable", true)
                    || jc.bool("unique", false) || jfk.string("value").equals("NO_CONSTRAINT") || !jfk.string("name").isEmpty())
                return "joinColumns = @JoinColumn(...) with more than name and referencedColumnName";
        }
        return null;
    }
}
