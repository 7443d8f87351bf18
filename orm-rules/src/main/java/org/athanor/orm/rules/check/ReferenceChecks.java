package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * The references: a {@code @ManyToOne} or owning {@code @OneToOne} (its annotations, target, key columns against the
 * target's key, {@code @JoinColumn} members, {@code @ForeignKey}, {@code @OnDelete}) and an inverse
 * {@code @OneToOne(mappedBy)}. Written once for the runtime (org.athanor.orm.mapping.ToOnes builds an accepted
 * reference) and the annotation processor.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class ReferenceChecks {
    private ReferenceChecks() {}

    private static final List<String> COMBINABLE = List.of("ManyToOne", "OneToOne", "JoinColumn", "JoinColumns", "Id", "MapsId");

    /** The first mistake of reference {@code f} ({@code @ManyToOne}, or {@code @OneToOne} without mappedBy), or null. */
    public static Problem toOne(ClassView entity, FieldView f) {
        String m = toOneMessage(entity, f);
        return m == null ? null : new Problem(f, f.name(), m);
    }

    /** The first mistake of an inverse {@code @OneToOne(mappedBy)} {@code f}, or null (its mappedBy is linked by the registry). */
    public static Problem inverseOne(FieldView f) {
        String m = inverseMessage(f);
        return m == null ? null : new Problem(f, f.name(), m);
    }

    /** The target class of a reference or collection: {@code targetEntity} when given, else {@code declared}. */
    static TypeView target(AnnotationView relationship, TypeView declared) {
        Object t = relationship.value("targetEntity");
        return t instanceof TypeView v && !v.name().equals("void") ? v : declared;
    }

    static boolean isEntity(TypeView t) { return t != null && t.asClass() != null && t.asClass().has("Entity"); }

    private static String toOneMessage(ClassView entity, FieldView f) {
        AnnotationView many = f.annotation("ManyToOne"), one = f.annotation("OneToOne");
        if (many != null && one != null) return "@ManyToOne and @OneToOne on one field; keep one of them";
        AnnotationView rel = many != null ? many : one;
        String kind = many != null ? "@ManyToOne" : "@OneToOne";
        for (AnnotationView a : f.annotations()) {
            if (!a.isJakarta()) continue;
            String p = AnnotationRules.problem(a.simpleName(), null);
            if (p != null) return p;
            if (!COMBINABLE.contains(a.simpleName()))
                return "@" + a.simpleName() + " cannot be combined with " + kind + "; name the key column with @JoinColumn(name = ...)";
        }
        if (f.isFinal()) return "the field is final; persistent fields must be assignable";
        TypeView target = target(rel, f.type());
        if (!isEntity(target))
            return kind + " needs an @Entity type, but the field's type is " + target.messageName() + "; map a basic value with @Column instead";
        if (!target.isAssignableTo(f.type()))
            return "targetEntity " + target.messageName() + " is not assignable to the field's type " + f.type().messageName();
        if (one != null && one.bool("orphanRemoval", false))
            return "@OneToOne(orphanRemoval = true) is not supported yet; delete the replaced object with session.delete(...)";
        Problem derived = f.has("Id") ? KeyChecks.derivedId(entity, f) : null;
        if (derived != null) return derived.message();
        KeyColumns.Keys keys = KeyColumns.of(target.asClass());
        if (keys.problem() != null) return keys.problem();
        List<AnnotationView> given = joinColumns(f);
        JoinColumnRules.Result r = JoinColumnRules.resolve(f.name(), target.asClass().simpleName(), keys.columns(),
                KeyColumns.given(given));
        if (r.problem() != null) return r.problem();
        AnnotationView container = f.annotation("JoinColumns");
        boolean constraint = true, nullable = true;
        if (container != null) {
            AnnotationView fk = (AnnotationView) container.value("foreignKey");
            String p = foreignKeyProblem(fk);
            if (p != null) return p;
            constraint = !fk.string("value").equals("NO_CONSTRAINT");
        }
        for (int at : r.givenAt()) {
            if (at < 0) continue;
            AnnotationView jc = given.get(at);
            if (!jc.bool("insertable", true) || !jc.bool("updatable", true))
                return "@JoinColumn(insertable/updatable = false) is not supported; the reference writes its key column";
            if (!jc.string("columnDefinition").isEmpty() || !jc.string("table").isEmpty() || !jc.string("options").isEmpty()
                    || !jc.string("comment").isEmpty() || !jc.list("check").isEmpty())
                return "@JoinColumn(columnDefinition / table / options / comment) is not supported; the column takes the type of "
                        + "the target's key";
            AnnotationView fk = (AnnotationView) jc.value("foreignKey");
            String p = foreignKeyProblem(fk);
            if (p != null) return p;
            constraint &= !fk.string("value").equals("NO_CONSTRAINT");
            nullable &= jc.bool("nullable", true);
        }
        if (keys.size() > 1) {
            String p = JoinColumnRules.compositeProblem(kind, target.asClass().simpleName(), r.names(), f.has("Id"), f.has("MapsId"));
            if (p != null) return p;
        }
        if (rel.string("fetch").equals("LAZY") && polymorphic(target.asClass()))
            return kind + "(fetch = LAZY) on a reference to " + target.asClass().simpleName() + ", which is part of an inheritance "
                    + "hierarchy: a proxy is made before the row is read, so it cannot know which class the row is; remove fetch = "
                    + "LAZY (the reference then loads batched with the query)";
        AnnotationView mapsId = f.annotation("MapsId");
        if (mapsId != null) {
            FieldView embedded = KeyColumns.embeddedId(entity);
            String p = KeyChecks.mapsIdProblem(mapsId.string("value"), embedded == null ? List.of() : KeyColumns.components(embedded),
                    keys.types().get(0), r.givenAt()[0] < 0 ? "" : given.get(r.givenAt()[0]).string("name"));
            if (p != null) return p;
        }
        boolean optional = !f.has("Id") && mapsId == null && rel.bool("optional", true) && nullable;
        return onDeleteProblem(f, target.asClass(), optional, constraint);
    }

    /**
     * A reference's key columns {@code columns} against the columns the entity maps before it ({@code mapped}: its
     * attributes, inherited ones included, and the references before it): the first one mapped twice, as a message;
     * null when none is. The rule is this one; each side gives the columns it built (a {@code @MapsId} reference shares
     * its key component's column and is not checked).
     */
    public static String keyColumnClash(List<String> columns, java.util.function.Predicate<String> mapped) {
        for (String c : columns)
            if (mapped.test(c.toLowerCase(java.util.Locale.ROOT)))
                return "its key column " + c + " is also mapped by another attribute; name it with @JoinColumn(name = ...), or "
                        + "drop the basic attribute";
        return null;
    }

    /** The {@code @JoinColumn}s of a reference: the one given directly, or those in {@code @JoinColumns}. */
    public static List<AnnotationView> joinColumns(FieldView f) {
        List<AnnotationView> out = new ArrayList<>();
        AnnotationView single = f.annotation("JoinColumn");
        if (single != null) out.add(single);
        AnnotationView many = f.annotation("JoinColumns");
        if (many != null) for (Object o : many.list("value")) out.add((AnnotationView) o);
        return out;
    }

    private static String foreignKeyProblem(AnnotationView fk) {
        if (fk.string("foreignKeyDefinition").isEmpty() && fk.string("options").isEmpty()) return null;
        return "@ForeignKey(foreignKeyDefinition / options) is not supported (it is DDL text in one database's spelling); only its "
                + "name and value = NO_CONSTRAINT are read. For ON DELETE, annotate the field "
                + "@org.athanor.orm.mapping.OnDelete(ReferentialAction.CASCADE) (or SET_NULL, RESTRICT)";
    }

    /** {@code @OnDelete} on a reference: a constraint to carry it, SET_NULL on a nullable column, a target with one table. */
    private static String onDeleteProblem(FieldView f, ClassView target, boolean optional, boolean constraint) {
        AnnotationView od = f.annotationOf(RelationshipChecks.ON_DELETE);
        if (od == null) return null;
        String action = od.string("value");
        if (!constraint)
            return "@OnDelete(" + action + ") with @ForeignKey(NO_CONSTRAINT): there is no constraint to carry the action; remove "
                    + "one of them";
        if (action.equals("SET_NULL") && !optional)
            return "@OnDelete(SET_NULL) on a reference whose column is NOT NULL (optional = false or @JoinColumn(nullable = "
                    + "false)); make it optional, or use CASCADE";
        if (action.equals("SET_DEFAULT"))
            return "@OnDelete(SET_DEFAULT) is not supported (the key column has no default, and MariaDB does not implement it); "
                    + "use CASCADE, SET_NULL, RESTRICT or NO_ACTION";
        if (!action.equals("NO_ACTION") && tablePerClass(target))
            return "@OnDelete(" + action + ") on a reference to TABLE_PER_CLASS " + target.simpleName() + ": its rows are spread "
                    + "over one table per class, so there is no foreign key to carry the action; remove @OnDelete, or map the "
                    + "hierarchy SINGLE_TABLE or JOINED";
        return null;
    }

    /**
     * Whether {@code target} may have rows of more than one class: abstract, under {@code @Inheritance}, or below an
     * entity superclass (a root without {@code @Inheritance} is a mistake of its own).
     */
    public static boolean polymorphic(ClassView target) {
        if (target.isAbstract()) return true;
        for (ClassView c = target; c != null; c = c.superclass()) {
            if (c.has("Inheritance")) return true;
            if (c != target && c.has("Entity")) return true;
        }
        return false;
    }

    /** Whether {@code c}'s hierarchy keeps one table per class (the nearest {@code @Inheritance} says TABLE_PER_CLASS). */
    public static boolean tablePerClass(ClassView c) {
        for (ClassView k = c; k != null; k = k.superclass()) {
            AnnotationView inh = k.annotation("Inheritance");
            if (inh != null) return inh.string("strategy").equals("TABLE_PER_CLASS");
        }
        return false;
    }

    private static String inverseMessage(FieldView f) {
        for (AnnotationView a : f.annotations()) {
            if (!a.isJakarta()) continue;
            String n = a.simpleName();
            String p = AnnotationRules.problem(n, null);
            if (p != null) return p;
            if (n.equals("JoinColumn")) return AnnotationRules.ONE_TO_ONE_INVERSE_JOIN_COLUMN;
            if (!n.equals("OneToOne"))
                return "@" + n + " cannot be combined with @OneToOne(mappedBy); the key column is on the other side, mapped by its "
                        + "owning @OneToOne";
        }
        if (f.isFinal()) return "the field is final; persistent fields must be assignable";
        AnnotationView one = f.annotation("OneToOne");
        TypeView target = target(one, f.type());
        if (!isEntity(target))
            return "@OneToOne needs an @Entity type, but the field's type is " + target.messageName() + "; map a basic value with "
                    + "@Column instead";
        if (one.string("fetch").equals("LAZY"))
            return "@OneToOne(mappedBy, fetch = LAZY) is not supported: this side holds no key, so whether a related row exists (a "
                    + "proxy or null) is not known without a select; remove fetch (the related object loads by one batched select "
                    + "per query result), or put fetch = LAZY on the owning side";
        if (one.bool("orphanRemoval", false))
            return "@OneToOne(orphanRemoval = true) is not supported yet; delete the replaced object with session.delete(...)";
        return null;
    }
}
