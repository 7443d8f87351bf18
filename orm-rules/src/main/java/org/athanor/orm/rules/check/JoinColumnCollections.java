package org.athanor.orm.rules.check;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.athanor.orm.rules.Messages;

/**
 * A unidirectional {@code @OneToMany @JoinColumn}: the owner's key in a column of the element's table that no field of
 * the element maps. Part of {@link CollectionChecks}; the runtime (org.athanor.orm.mapping.JoinColumnOneToManys) then
 * checks what only the built tables show: a cycle of such collections, and the column already added by another owner or
 * mapped by a reference under its default name.
 */
final class JoinColumnCollections {
    private JoinColumnCollections() {}

    static String problem(ClassView entity, FieldView f, AnnotationView o, ClassView target, KeyColumns.Keys ownerKey,
                          KeyColumns.Keys targetKey) {
        // both ends linked by one key column
        if (ownerKey.size() != 1) return composite(entity, ownerKey);
        if (targetKey.size() != 1) return composite(target, targetKey);
        String key = ownerKey.get(0);
        AnnotationView jc = f.annotation("JoinColumn");
        if (f.has("JoinTable")) return Messages.oneToManyJoinColumnAndTable();
        String ref = jc.string("referencedColumnName");
        if (!ref.isEmpty() && !ref.equalsIgnoreCase(key)) return Messages.oneToManyJoinColumnReferenced(ref, key);
        AnnotationView fk = (AnnotationView) jc.value("foreignKey");
        if (!jc.string("columnDefinition").isEmpty() || !jc.string("table").isEmpty() || !jc.string("options").isEmpty()
                || !jc.list("check").isEmpty() || !jc.bool("insertable", true) || !jc.bool("updatable", true)
                || jc.bool("unique", false) || !jc.string("comment").isEmpty()
                || !fk.string("foreignKeyDefinition").isEmpty() || !fk.string("options").isEmpty())
            return Messages.oneToManyJoinColumnMembers();
        if (!jc.bool("nullable", true) && !(o.bool("orphanRemoval", false) && CollectionChecks.cascadesRemove(o)))
            return Messages.oneToManyJoinColumnNotNull();
        boolean self = target.name().equals(entity.name());
        if (!self && (target.has("Inheritance") || ClassChecks.entitySuperclass(target) != null))
            return Messages.oneToManyJoinColumnInheritance(target.simpleName());
        String column = CollectionChecks.joinColumnName(f.name(), jc.string("name"), key);
        if (columns(target).contains(column.toLowerCase(Locale.ROOT)))
            return Messages.oneToManyJoinColumnTaken(column, KeyColumns.tableName(target));
        return null;
    }

    private static String composite(ClassView c, KeyColumns.Keys key) {
        return "the target " + c.simpleName() + " has " + key.size() + " key fields; a @OneToMany needs a target with one @Id "
                + "(composite keys are not supported yet)";
    }

    /**
     * The columns the element's own fields map, lower case: its basic fields' and its references' explicit
     * {@code @JoinColumn(name)}s (a reference's default name is the runtime's check, on the built table).
     */
    private static Set<String> columns(ClassView element) {
        Set<String> out = new HashSet<>();
        for (ClassView c = element; c != null; c = c.superclass())
            for (FieldView v : c.fields()) {
                if (v.skipped() || v.has("OneToMany") || v.has("ManyToMany") || v.has("ElementCollection") || v.has("Embedded")
                        || v.has("EmbeddedId"))
                    continue;
                if (v.has("ManyToOne") || v.has("OneToOne")) {
                    AnnotationView jc = v.annotation("JoinColumn");
                    if (jc != null && !jc.string("name").isEmpty()) out.add(jc.string("name").toLowerCase(Locale.ROOT));
                } else out.add(KeyColumns.column(v, v.annotation("Column")).toLowerCase(Locale.ROOT));
            }
        return out;
    }
}
