package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * The secondary table of an owning {@code @ManyToMany} or a join-table {@code @OneToMany}: {@code @JoinTable}'s members
 * and join columns against the keys of both ends, and its columns' names (JPA's defaults: join column
 * {@code <inverse field>_<owner key column>}, or the owner's entity name when the target maps no inverse field; inverse
 * join column {@code <field>_<target key column>}). Part of {@link CollectionChecks}; the runtime
 * (org.athanor.orm.mapping.ManyToManys) builds the table with the same names.
 */
final class JoinTables {
    private JoinTables() {}

    static String problem(ClassView entity, FieldView f, boolean oneToMany, ClassView target, KeyColumns.Keys ownerKey,
                          KeyColumns.Keys targetKey) {
        AnnotationView jt = f.annotation("JoinTable");
        List<AnnotationView> own = new ArrayList<>(), inv = new ArrayList<>();
        if (jt != null) {
            String p = joinTableProblem(jt);
            if (p != null) return p;
            for (Object o : jt.list("joinColumns")) own.add((AnnotationView) o);
            for (Object o : jt.list("inverseJoinColumns")) inv.add((AnnotationView) o);
        }
        for (AnnotationView jc : own) {
            String p = joinColumnProblem(jc, ownerKey, "joinColumns");
            if (p != null) return p;
        }
        for (AnnotationView jc : inv) {
            String p = joinColumnProblem(jc, targetKey, "inverseJoinColumns");
            if (p != null) return p;
        }
        String tableName = jt != null && !jt.string("name").isEmpty() ? jt.string("name")
                : KeyColumns.tableName(entity) + "_" + KeyColumns.annotatedTableName(target);
        // a one-to-many has no inverse field: its join column is named after the owner entity (JPA 2.10.5.1)
        String inverseField = oneToMany ? null : inverseField(entity, f, target);
        JoinColumnRules.Result ownNames = JoinColumnRules.resolve(inverseField != null ? inverseField : KeyColumns.entityName(entity),
                entity.simpleName(), ownerKey.columns(), KeyColumns.given(own), "@JoinTable(joinColumns = {...})");
        if (ownNames.problem() != null) return "@JoinTable(joinColumns): " + ownNames.problem();
        JoinColumnRules.Result invNames = JoinColumnRules.resolve(f.name(), target.simpleName(), targetKey.columns(),
                KeyColumns.given(inv), "@JoinTable(inverseJoinColumns = {...})");
        if (invNames.problem() != null) return "@JoinTable(inverseJoinColumns): " + invNames.problem();
        for (String a : ownNames.names())
            for (String b : invNames.names())
                if (CollectionChecks.sameName(a, b))
                    return "two columns of the secondary table " + tableName + " are named " + a + "; name them with "
                            + "@JoinTable(joinColumns = @JoinColumn(name = ...), inverseJoinColumns = @JoinColumn(name = ...))";
        return null;
    }

    private static String joinTableProblem(AnnotationView jt) {
        if (!jt.string("catalog").isEmpty()) return "@JoinTable(catalog = \"" + jt.string("catalog") + "\") is not supported; use schema";
        for (String member : List.of("options", "comment")) {
            String p = AnnotationRules.ddlMemberProblem("JoinTable", member, jt.string(member));
            if (p != null) return p;
        }
        if (!jt.list("uniqueConstraints").isEmpty() || !jt.list("indexes").isEmpty() || !jt.list("check").isEmpty())
            return "@JoinTable(uniqueConstraints / indexes / check) is not supported; the secondary table's primary key is the "
                    + "pair of its columns; declare further indexes in your migrations";
        for (String member : List.of("foreignKey", "inverseForeignKey")) {
            AnnotationView fk = (AnnotationView) jt.value(member);
            if (!fk.string("foreignKeyDefinition").isEmpty() || !fk.string("options").isEmpty())
                return "@ForeignKey(foreignKeyDefinition / options) is not supported (it is DDL text in one database's spelling); "
                        + "only its name and value = NO_CONSTRAINT are read";
        }
        return null;
    }

    private static String joinColumnProblem(AnnotationView jc, KeyColumns.Keys key, String member) {
        String ref = jc.string("referencedColumnName");
        if (key.size() == 1 && !ref.isEmpty() && !ref.equalsIgnoreCase(key.get(0)))
            return "@JoinTable(" + member + " = @JoinColumn(referencedColumnName = \"" + ref + "\")): the column must reference "
                    + "the key column " + key.get(0);
        AnnotationView fk = (AnnotationView) jc.value("foreignKey");
        if (!jc.string("columnDefinition").isEmpty() || !jc.string("table").isEmpty() || !jc.string("options").isEmpty()
                || !jc.list("check").isEmpty() || !jc.bool("insertable", true) || !jc.bool("updatable", true)
                || jc.bool("unique", false) || fk.string("value").equals("NO_CONSTRAINT") || !fk.string("name").isEmpty())
            return "@JoinTable(" + member + " = @JoinColumn(...)): only name and referencedColumnName are read (the column takes "
                    + "the key's type, is NOT NULL and part of the primary key); name the foreign keys with @JoinTable(foreignKey / "
                    + "inverseForeignKey)";
        return null;
    }

    /**
     * The target's field mapped by {@code f} ({@code @ManyToMany(mappedBy = f)}), or null: the default name of the
     * secondary table's owner column.
     */
    static String inverseField(ClassView entity, FieldView f, ClassView target) {
        boolean self = target.name().equals(entity.name());
        for (ClassView c = target; c != null; c = c.superclass())
            for (FieldView g : c.fields()) {
                AnnotationView mm = g.annotation("ManyToMany");
                boolean same = g.name().equals(f.name()) && c.name().equals(f.declaringClass().name());
                if (mm != null && mm.string("mappedBy").equals(f.name()) && (!same || self)) return g.name();
            }
        return null;
    }
}
