package org.athanor.orm.rules.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The links between entities that the two sides of a relationship must agree on, read from the annotations of both
 * classes: a {@code @OneToMany(mappedBy)} names a reference of its element back to the owner, an inverse
 * {@code @OneToOne(mappedBy)} an owning one-to-one back to it (its key column UNIQUE), an inverse {@code @ManyToMany}
 * an owning {@code @ManyToMany} whose elements are the owner's class, each mirrored by one field of the owner at
 * most; {@code @OrderBy} names attributes of the element. Written once for the runtime (org.athanor.orm.mapping
 * .MappingBuilder, over reflection) and the annotation processor (over javax.lang.model: an element compiled
 * elsewhere is read from its class file); the registry then only links what these accepted.
 *
 * <p>Checked for every relationship field of the entity's mapping, its inherited ones included: a subclass's mapping
 * holds its entity superclass's collections, and the registry links them to the subclass (so a reference of the
 * element must point at the subclass itself).
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class LinkChecks {
    private LinkChecks() {}

    /**
     * The first link mistake among the relationship fields of {@code entity}'s mapping (its own and those of its entity
     * and mapped superclasses, in declaration order), or null. Run after {@link RelationshipChecks#check} accepted each
     * field: the targets are entities.
     */
    public static Problem check(ClassView entity) {
        Map<String, String> mirrored = new HashMap<>(); // kind, element and mappedBy -> the first field mirroring it
        for (FieldView f : persistent(entity)) {
            RelationshipChecks.Kind kind = RelationshipChecks.kind(f);
            String m = switch (kind) {
                case ONE_TO_MANY, MANY_TO_MANY -> collection(entity, f, mirrored);
                case INVERSE_ONE -> inverseOne(entity, f, mirrored);
                default -> null;
            };
            if (m != null) return new Problem(f, f.name(), m);
        }
        return null;
    }

    private static String collection(ClassView entity, FieldView f, Map<String, String> mirrored) {
        AnnotationView many = f.annotation("ManyToMany");
        AnnotationView rel = many != null ? many : f.annotation("OneToMany");
        ClassView target = classOf(ReferenceChecks.target(rel, f.elementType()));
        if (target == null) return null; // an element the other checks refuse (or a type variable only one side binds)
        String p = orderBy(f, target);
        if (p != null) return p;
        String mappedBy = rel.string("mappedBy");
        if (mappedBy.isEmpty()) return null; // an owning side: its secondary table or join column is its own
        if (many != null) {
            FieldView other = named(collections(target), mappedBy);
            AnnotationView o = other == null ? null : other.annotation("ManyToMany");
            if (o == null || !o.string("mappedBy").isEmpty() || !entity.isAssignableTo(ReferenceChecks.target(o, other.elementType())))
                return "mappedBy = \"" + mappedBy + "\" must name an owning @ManyToMany of " + KeyColumns.entityName(target)
                        + " whose elements are " + KeyColumns.entityName(entity) + " (one without mappedBy); its collections are "
                        + collections(target).stream().map(LinkChecks::describeCollection).toList();
            return mirror(mirrored, "ManyToMany", target, mappedBy, f);
        }
        List<FieldView> references = references(target);
        FieldView ref = named(references, mappedBy);
        if (ref == null || !referencesEntity(ref, entity))
            return "mappedBy = \"" + mappedBy + "\" must name a @ManyToOne of " + KeyColumns.entityName(target) + " referencing "
                    + KeyColumns.entityName(entity) + "; its references are " + describeReferences(references);
        return mirror(mirrored, "OneToMany", target, mappedBy, f);
    }

    private static String inverseOne(ClassView entity, FieldView f, Map<String, String> mirrored) {
        AnnotationView one = f.annotation("OneToOne");
        ClassView target = classOf(ReferenceChecks.target(one, f.type()));
        if (target == null) return null;
        String mappedBy = one.string("mappedBy");
        List<FieldView> references = references(target);
        FieldView ref = named(references, mappedBy);
        if (ref == null || !referencesEntity(ref, entity) || !uniqueKey(ref))
            return "@OneToOne(mappedBy = \"" + mappedBy + "\") must name an owning @OneToOne of " + KeyColumns.entityName(target)
                    + " referencing " + KeyColumns.entityName(entity) + " (its key column UNIQUE); its references are "
                    + describeReferences(references);
        return mirror(mirrored, "OneToOne", target, mappedBy, f);
    }

    /** Each part of {@code f}'s {@code @OrderBy} names an attribute of the element (its syntax is CollectionChecks'). */
    private static String orderBy(FieldView f, ClassView target) {
        AnnotationView ob = f.annotation("OrderBy");
        List<String> order = ob == null ? null : CollectionChecks.orderBy(ob.string("value"));
        if (order == null) return null;
        List<String> attributes = attributes(target);
        for (String o : order) {
            String attr = o.endsWith(" DESC") ? o.substring(0, o.length() - 5) : o;
            if (!attributes.contains(attr))
                return "@OrderBy names '" + attr + "', which is not an attribute of " + KeyColumns.entityName(target);
        }
        return null;
    }

    /** One field of the owner per reference (or owning collection) of the element: the second is a mistake. */
    private static String mirror(Map<String, String> mirrored, String kind, ClassView target, String mappedBy, FieldView f) {
        String first = mirrored.putIfAbsent(kind + " " + target.name() + "." + mappedBy, f.name());
        return first == null ? null : KeyColumns.entityName(target) + "." + mappedBy + " is already mirrored by " + first;
    }

    /** The persistent fields of the classes holding {@code c}'s state, topmost first (its mapping's fields). */
    private static List<FieldView> persistent(ClassView c) {
        List<FieldView> out = new ArrayList<>();
        for (ClassView k : ClassChecks.hierarchy(c))
            for (FieldView f : k.fields()) if (!f.skipped()) out.add(f);
        return out;
    }

    /** The references ({@code @ManyToOne}, owning {@code @OneToOne}) of {@code c}'s mapping, in declaration order. */
    private static List<FieldView> references(ClassView c) {
        return persistent(c).stream().filter(f -> RelationshipChecks.kind(f) == RelationshipChecks.Kind.TO_ONE).toList();
    }

    /** The collections of {@code c}'s mapping (of entities and of values), in declaration order. */
    private static List<FieldView> collections(ClassView c) {
        return persistent(c).stream().filter(f -> switch (RelationshipChecks.kind(f)) {
            case ONE_TO_MANY, MANY_TO_MANY, ELEMENT_COLLECTION -> true;
            default -> false;
        }).toList();
    }

    private static ClassView classOf(TypeView t) { return t == null ? null : t.asClass(); }

    private static FieldView named(List<FieldView> fields, String name) {
        for (FieldView f : fields) if (f.name().equals(name)) return f;
        return null;
    }

    /** The class reference {@code ref} points at (its targetEntity, else its type). */
    private static TypeView referenced(FieldView ref) {
        return ReferenceChecks.target(ref.annotation(ref.has("ManyToOne") ? "ManyToOne" : "OneToOne"), ref.type());
    }

    /** Whether reference {@code ref} points at {@code entity} itself (the registry links it to that class's mapper). */
    private static boolean referencesEntity(FieldView ref, ClassView entity) {
        ClassView c = classOf(referenced(ref));
        return c != null && c.name().equals(entity.name());
    }

    /**
     * Whether reference {@code ref}'s key is UNIQUE as its mapping makes it: a one-to-one's, or one with a
     * {@code @JoinColumn(unique = true)}; a {@code @MapsId} reference has no column of its own.
     */
    private static boolean uniqueKey(FieldView ref) {
        if (ref.has("MapsId")) return false;
        if (ref.has("OneToOne")) return true;
        List<AnnotationView> joinColumns = new ArrayList<>();
        if (ref.has("JoinColumn")) joinColumns.add(ref.annotation("JoinColumn"));
        if (ref.has("JoinColumns")) for (Object jc : ref.annotation("JoinColumns").list("value")) joinColumns.add((AnnotationView) jc);
        return joinColumns.stream().anyMatch(jc -> jc.bool("unique", false));
    }

    private static List<String> describeReferences(List<FieldView> references) {
        return references.stream().map(r -> r.name() + " -> " + simpleName(referenced(r))).toList();
    }

    private static String describeCollection(FieldView c) {
        if (c.has("ElementCollection")) return c.name() + " (@ElementCollection) -> " + simpleName(ElementCollectionChecks.elementType(c));
        AnnotationView many = c.annotation("ManyToMany");
        AnnotationView rel = many != null ? many : c.annotation("OneToMany");
        String kind = many != null ? "(@ManyToMany" + (many.string("mappedBy").isEmpty() ? ")" : ", mappedBy)")
                : CollectionChecks.joinColumnOneToMany(c) ? "(@OneToMany, join column)"
                : CollectionChecks.joinTableOneToMany(c) ? "(@OneToMany, join table)" : "(@OneToMany)";
        return c.name() + " " + kind + " -> " + simpleName(ReferenceChecks.target(rel, c.elementType()));
    }

    private static String simpleName(TypeView t) {
        if (t == null) return "?";
        if (t.asClass() != null) return t.asClass().simpleName();
        return t.name().substring(t.name().lastIndexOf('.') + 1);
    }

    /**
     * The names of {@code c}'s basic attributes, as its mapping names them: each basic field of its hierarchy, an
     * {@code @EmbeddedId}'s components by their own names, an {@code @Embedded} value's fields as {@code holder.field}.
     */
    static List<String> attributes(ClassView c) {
        List<String> out = new ArrayList<>();
        for (FieldView f : persistent(c)) {
            if (RelationshipChecks.kind(f) != RelationshipChecks.Kind.OTHER) continue;
            ClassView type = f.type().asClass();
            if (f.has("EmbeddedId") && type != null) {
                for (FieldView part : EmbeddedChecks.fields(type)) out.add(part.name());
            } else if (EmbeddedChecks.isEmbedded(f) && type != null) {
                for (FieldView part : EmbeddedChecks.fields(type)) out.add(f.name() + "." + part.name());
            } else {
                out.add(f.name());
            }
        }
        return out;
    }
}
