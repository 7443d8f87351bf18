package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;

/**
 * The collections of entities: a {@code @OneToMany(mappedBy)}, a {@code @ManyToMany} (owning with its
 * {@code @JoinTable}, or mappedBy), a {@code @OneToMany} through a join table, and a unidirectional
 * {@code @OneToMany @JoinColumn} keyed in the element's table: annotations, declared type, element entity, fetch,
 * {@code @OrderBy}, the keys of both ends, {@code @JoinTable} and its join columns. Written once for the runtime
 * (org.athanor.orm.mapping.ToOnes, ManyToManys, JoinColumnOneToManys build an accepted collection) and the processor.
 * Whether mappedBy names a reference of the element, and @OrderBy its attributes, is {@link LinkChecks}'.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class CollectionChecks {
    private CollectionChecks() {}

    private static final List<String> COLLECTIONS = List.of("java.util.List", "java.util.Set", "java.util.Collection");

    /** A {@code @OneToMany} through a join table: neither {@code mappedBy} nor {@code @JoinColumn} (JPA's default). */
    public static boolean joinTableOneToMany(FieldView f) {
        AnnotationView o = f.annotation("OneToMany");
        return o != null && o.string("mappedBy").isEmpty() && !f.has("JoinColumn") && !f.has("ManyToMany");
    }

    /** A unidirectional {@code @OneToMany @JoinColumn}: its key column is in the element's table. */
    public static boolean joinColumnOneToMany(FieldView f) {
        AnnotationView o = f.annotation("OneToMany");
        return o != null && o.string("mappedBy").isEmpty() && f.has("JoinColumn");
    }

    /**
     * A collection's {@code @OrderBy} value as attribute names, each with " DESC" when descending (empty for an empty
     * value); null when a part is not "attribute [ASC|DESC]".
     */
    public static List<String> orderBy(String value) {
        List<String> order = new ArrayList<>();
        if (value.isBlank()) return order;
        for (String part : value.split(",")) {
            String[] w = part.trim().split("\\s+");
            if (w.length > 2 || w.length == 2 && !w[1].equalsIgnoreCase("ASC") && !w[1].equalsIgnoreCase("DESC")) return null;
            order.add(w.length == 2 && w[1].equalsIgnoreCase("DESC") ? w[0] + " DESC" : w[0]);
        }
        return order;
    }

    /** The first mistake of {@code @OneToMany(mappedBy)} {@code f}, or null. */
    public static Problem mappedBy(FieldView f) {
        String m = mappedByMessage(f);
        return m == null ? null : new Problem(f, f.name(), m);
    }

    private static String mappedByMessage(FieldView f) {
        for (AnnotationView a : f.annotations()) {
            if (!a.isJakarta()) continue;
            String n = a.simpleName();
            String p = AnnotationRules.problem(n, null);
            if (p != null) return p;
            if (n.equals("JoinColumn")) return Messages.mappedByJoinColumn();
            if (!n.equals("OneToMany") && !n.equals("OrderBy")) return "@" + n + " cannot be combined with @OneToMany";
        }
        if (f.isFinal()) return "the field is final; the session puts its own collection in it";
        if (!COLLECTIONS.contains(f.type().name()))
            return "a @OneToMany field must be declared as List, Set or Collection (the session puts its own implementation in "
                    + "it), not " + f.type().messageName();
        AnnotationView o = f.annotation("OneToMany");
        TypeView target = ReferenceChecks.target(o, f.elementType());
        if (!ReferenceChecks.isEntity(target))
            return "@OneToMany needs an @Entity element type (" + f.type().display() + "); give the type argument, e.g. List<Post>, "
                    + "or targetEntity";
        if (o.string("fetch").equals("EAGER"))
            return "@OneToMany(fetch = EAGER) is not supported yet; collections load on first access, for every object of the same "
                    + "query result at once; remove fetch";
        return orderByProblem(f, target.asClass());
    }

    private static String orderByProblem(FieldView f, ClassView target) {
        AnnotationView ob = f.annotation("OrderBy");
        if (ob == null || orderBy(ob.string("value")) != null) return null;
        return "@OrderBy(\"" + ob.string("value") + "\"): each part is an attribute name of " + target.simpleName()
                + " with an optional ASC or DESC";
    }

    /**
     * The first mistake of a {@code @ManyToMany}, a join-table {@code @OneToMany} or a {@code @OneToMany @JoinColumn}
     * {@code f} of {@code entity}, or null.
     */
    public static Problem manyToMany(ClassView entity, FieldView f) {
        String m = manyToManyMessage(entity, f);
        return m == null ? null : new Problem(f, f.name(), m);
    }

    private static String manyToManyMessage(ClassView entity, FieldView f) {
        AnnotationView mm = f.annotation("ManyToMany");
        AnnotationView o = mm == null ? f.annotation("OneToMany") : null;
        AnnotationView rel = mm != null ? mm : o;
        String kind = o != null ? "@OneToMany" : "@ManyToMany";
        boolean inverse = o == null && !mm.string("mappedBy").isEmpty();
        boolean joinColumn = o != null && joinColumnOneToMany(f);
        for (AnnotationView a : f.annotations()) {
            if (a.type().equals(RelationshipChecks.ON_DELETE))
                return "@OnDelete on a " + kind + (o != null ? " with a join table" : "") + " is not supported; the session "
                        + "deletes an object's rows of the secondary table before the object itself, so no ON DELETE is needed";
            if (!a.isJakarta()) continue;
            String n = a.simpleName();
            String p = AnnotationRules.problem(n, null);
            if (p != null) return p;
            if (n.equals("JoinTable") && inverse)
                return "@JoinTable on the inverse side of a @ManyToMany (mappedBy = \"" + mm.string("mappedBy") + "\"); the owning "
                        + "side's @JoinTable defines the secondary table: move it there";
            if (n.equals("JoinColumn") && !joinColumn)
                return "@JoinColumn cannot be combined with @ManyToMany; name the secondary table's columns with "
                        + "@JoinTable(joinColumns = @JoinColumn(...), inverseJoinColumns = ...)";
            if (!n.equals(kind.substring(1)) && !n.equals("JoinTable") && !n.equals("OrderBy") && !n.equals("JoinColumn"))
                return "@" + n + " cannot be combined with " + kind;
        }
        if (f.isFinal()) return "the field is final; the session puts its own collection in it";
        if (!COLLECTIONS.contains(f.type().name()))
            return "a " + kind + " field must be declared as List, Set or Collection (the session puts its own implementation in "
                    + "it), not " + f.type().messageName();
        TypeView targetType = ReferenceChecks.target(rel, f.elementType());
        if (!ReferenceChecks.isEntity(targetType))
            return kind + " needs an @Entity element type (" + f.type().display() + "); give the type argument, e.g. Set<Course>, "
                    + "or targetEntity";
        ClassView target = targetType.asClass();
        if (rel.string("fetch").equals("EAGER"))
            return kind + "(fetch = EAGER) is not supported yet; collections load on first access, for every object of the same "
                    + "query result at once; remove fetch";
        String p = orderByProblem(f, target);
        if (p != null) return p;
        // the keys of both ends, for either side: one column, or several (@IdClass, @EmbeddedId)
        KeyColumns.Keys ownerKey = KeyColumns.of(entity), targetKey = KeyColumns.of(target);
        if (ownerKey.problem() != null) return ownerKey.problem();
        if (targetKey.problem() != null) return targetKey.problem();
        if (inverse) return null;
        if (joinColumn) return JoinColumnCollections.problem(entity, f, o, target, ownerKey, targetKey);
        return JoinTables.problem(entity, f, o != null, target, ownerKey, targetKey);
    }

    /**
     * The element's field mapped by the owning many-to-many {@code f} ({@code @ManyToMany(mappedBy = f)}), or null:
     * it names the secondary table's owner column by default.
     */
    public static String inverseField(ClassView entity, FieldView f, ClassView target) { return JoinTables.inverseField(entity, f, target); }

    /**
     * The key column of a {@code @OneToMany @JoinColumn} collection {@code field} in the element's table: its
     * {@code @JoinColumn(name)} {@code given}, else {@code <field>_<owner key column>} (JPA's default, snake_case).
     */
    public static String joinColumnName(String field, String given, String ownerKeyColumn) {
        return given.isEmpty() ? org.athanor.orm.rules.Naming.snakeCase(field) + "_" + ownerKeyColumn : given;
    }

    /** Whether cascade lists REMOVE (or ALL). */
    static boolean cascadesRemove(AnnotationView relationship) {
        return relationship.list("cascade").stream().anyMatch(c -> c.equals("REMOVE") || c.equals("ALL"));
    }

    static boolean sameName(String a, String b) { return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)); }
}
