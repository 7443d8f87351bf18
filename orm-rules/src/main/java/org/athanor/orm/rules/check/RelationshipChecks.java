package org.athanor.orm.rules.check;

import org.athanor.orm.rules.ElementRules;
import org.athanor.orm.rules.Messages;

/**
 * Which kind of relationship (or collection of values) a persistent field is, by its annotations, and its first
 * mistake: the one entry both sides call for every persistent field of an entity before mapping it. The kinds are
 * tested in this order, so a field with several annotations is read the same way by the runtime
 * (org.athanor.orm.mapping.MappingBuilder) and the processor.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class RelationshipChecks {
    private RelationshipChecks() {}

    /** The qualified name of Athanor's {@code @OnDelete} (org.athanor.orm.mapping), an ON DELETE action of a reference. */
    public static final String ON_DELETE = "org.athanor.orm.mapping.OnDelete";

    /** What a persistent field maps as. */
    public enum Kind {
        /** {@code @ElementCollection}: values in a collection table. */
        ELEMENT_COLLECTION,
        /** {@code @ManyToMany}, a join-table {@code @OneToMany}, or a {@code @OneToMany @JoinColumn}. */
        MANY_TO_MANY,
        /** {@code @OneToOne(mappedBy)}. */
        INVERSE_ONE,
        /** {@code @ManyToOne}, or an owning {@code @OneToOne}. */
        TO_ONE,
        /** {@code @OneToMany(mappedBy)}. */
        ONE_TO_MANY,
        /** None of these: a basic, embedded or key field. */
        OTHER
    }

    /** The kind of persistent field {@code f}; a misplaced relationship annotation is {@link #check}'s to report. */
    public static Kind kind(FieldView f) {
        if (f.has("ElementCollection")) return Kind.ELEMENT_COLLECTION;
        if (f.has("ManyToMany") || CollectionChecks.joinTableOneToMany(f) || CollectionChecks.joinColumnOneToMany(f))
            return Kind.MANY_TO_MANY;
        AnnotationView one = f.annotation("OneToOne");
        if (one != null && !f.has("ManyToOne") && !one.string("mappedBy").isEmpty()) return Kind.INVERSE_ONE;
        if (f.has("ManyToOne") || one != null) return Kind.TO_ONE;
        if (f.has("OneToMany")) return Kind.ONE_TO_MANY;
        return Kind.OTHER;
    }

    /**
     * The first mistake of persistent field {@code f} of {@code entity} as a relationship or element collection, or a
     * relationship annotation where it means nothing; null for a field of another kind or without mistakes.
     */
    public static Problem check(ClassView entity, FieldView f) {
        boolean onDelete = f.annotationOf(ON_DELETE) != null;
        if (f.has("ElementCollection")) return ElementCollectionChecks.check(entity, f);
        if (f.has("CollectionTable")) return at(f, ElementRules.collectionTableWithout());
        Kind kind = kind(f);
        if (kind == Kind.MANY_TO_MANY) return CollectionChecks.manyToMany(entity, f);
        if (f.has("JoinTable")) return at(f, Messages.joinTableMisplaced());
        if (kind == Kind.INVERSE_ONE)
            return onDelete ? at(f, "@OnDelete on @OneToOne(mappedBy): the key column and its foreign key are on the other side; "
                    + "put @OnDelete on the owning @OneToOne") : ReferenceChecks.inverseOne(f);
        if (kind == Kind.TO_ONE) return ReferenceChecks.toOne(entity, f);
        if (f.has("MapsId")) return at(f, Messages.mapsIdWithoutReference());
        if (onDelete)
            return at(f, "@OnDelete without @ManyToOne or @OneToOne; it sets the ON DELETE action of the foreign key a reference's "
                    + "column carries, so put it on that reference");
        if (kind == Kind.ONE_TO_MANY) return CollectionChecks.mappedBy(f);
        if (f.has("OrderBy")) return at(f, "@OrderBy without @OneToMany or @ManyToMany; it orders a collection");
        if (f.has("JoinColumn") || f.has("JoinColumns"))
            return at(f, "@JoinColumn without @ManyToOne; annotate the field @ManyToOne (its type the related entity), or use "
                    + "@Column for a basic column");
        return null;
    }

    private static Problem at(FieldView f, String message) { return new Problem(f, f.name(), message); }
}
