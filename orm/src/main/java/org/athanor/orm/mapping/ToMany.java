package org.athanor.orm.mapping;

import java.lang.reflect.Field;
import java.util.List;

/**
 * A {@code @OneToMany(mappedBy = ...)} collection: the other side of a {@link ToOne} of the target
 * entity. It owns no column; the target's foreign key is the relationship. Or a {@code @ManyToMany}
 * ({@link #isManyToMany()}), linked through a {@link #secondary() secondary table}. The field holds the ORM's
 * own {@code List} or {@code Set} once the object is in a session (see the Session's documentation of
 * relationships), which loads on first access and keeps the reference on the other side in step.
 *
 * <pre>{@code
 * ToMany posts = ClassMapping.of(User.class).toMany("posts");
 * posts.mappedBy();   // "author", the Post.author reference
 * }</pre>
 */
public final class ToMany {
    private final String name;
    private final Field field;
    private final FieldAccess handle;
    private final Class<?> target;
    private final String mappedBy;
    private final boolean set;
    private final List<String> orderBy;
    private final boolean cascadeRemove;
    private final boolean orphanRemoval;
    /** A {@code @ManyToMany}: its elements are linked through a secondary table (see {@link #secondary()}). */
    private final boolean manyToMany;
    private final Secondary secondary;
    /** An {@code @ElementCollection}: basic values in a collection table (see {@link #isElementCollection()}). */
    private final boolean elementCollection;
    /** A unidirectional {@code @OneToMany} through a join table: linked as a many-to-many, its element column UNIQUE. */
    private final boolean oneToMany;
    /** cascade = MERGE / REFRESH / DETACH (or ALL): merge, refresh and expunge follow the loaded elements. */
    private final boolean cascadeMerge, cascadeRefresh, cascadeDetach;

    ToMany(String name, Field field, Class<?> target, String mappedBy, boolean set, List<String> orderBy,
           boolean cascadeRemove, boolean orphanRemoval) {
        this(name, field, target, mappedBy, set, orderBy, cascadeRemove, orphanRemoval, false, null);
    }

    ToMany(String name, Field field, Class<?> target, String mappedBy, boolean set, List<String> orderBy,
           boolean cascadeRemove, boolean orphanRemoval, boolean manyToMany, Secondary secondary) {
        this(name, field, target, mappedBy, set, orderBy, cascadeRemove, orphanRemoval, manyToMany, secondary, false, false, false, false);
    }

    ToMany(String name, Field field, Class<?> target, String mappedBy, boolean set, List<String> orderBy,
           boolean cascadeRemove, boolean orphanRemoval, boolean manyToMany, Secondary secondary,
           boolean cascadeMerge, boolean cascadeRefresh, boolean cascadeDetach, boolean oneToMany) {
        this(name, field, target, mappedBy, set, orderBy, cascadeRemove, orphanRemoval, manyToMany, secondary, cascadeMerge,
                cascadeRefresh, cascadeDetach, oneToMany, false);
    }

    ToMany(String name, Field field, Class<?> target, String mappedBy, boolean set, List<String> orderBy,
           boolean cascadeRemove, boolean orphanRemoval, boolean manyToMany, Secondary secondary,
           boolean cascadeMerge, boolean cascadeRefresh, boolean cascadeDetach, boolean oneToMany, boolean elementCollection) {
        this.elementCollection = elementCollection;
        this.oneToMany = oneToMany;
        this.cascadeMerge = cascadeMerge;
        this.cascadeRefresh = cascadeRefresh;
        this.cascadeDetach = cascadeDetach;
        this.manyToMany = manyToMany;
        this.secondary = secondary;
        this.name = name;
        this.field = field;
        this.target = target;
        this.mappedBy = mappedBy;
        this.set = set;
        this.orderBy = List.copyOf(orderBy);
        this.cascadeRemove = cascadeRemove;
        this.orphanRemoval = orphanRemoval;
        this.handle = Accessors.fieldHandle(field, name);
    }

    public String name() { return name; }
    /** The element entity class (for an {@link #isElementCollection() element collection}, the value class). */
    public Class<?> target() { return target; }
    /** The name of the target's {@code @ManyToOne} this collection mirrors (a many-to-many's: the owning side's collection); empty on an owning side. */
    public String mappedBy() { return mappedBy; }
    /** True for a {@code Set} field, false for {@code List} or {@code Collection}. */
    public boolean isSet() { return set; }
    /**
     * {@code @OrderBy} as (attribute, descending) pairs in the form "name" or "name DESC"; empty means the
     * target's primary key (also the tie-breaker after the given ones), so loads are repeatable.
     */
    public List<String> orderBy() { return orderBy; }
    /**
     * CascadeType.REMOVE or ALL: deleting the owner deletes the elements (else a one-to-many's elements get their
     * reference set to NULL, and a many-to-many's only lose their rows of the secondary table).
     */
    public boolean cascadeRemove() { return cascadeRemove; }
    /** CascadeType.MERGE or ALL: {@code merge()} merges the elements of the given object's loaded collection too. */
    public boolean cascadeMerge() { return cascadeMerge; }
    /** CascadeType.REFRESH or ALL: {@code refresh()} re-reads the elements of the loaded collection too. */
    public boolean cascadeRefresh() { return cascadeRefresh; }
    /** CascadeType.DETACH or ALL: {@code expunge()} expunges the elements of the loaded collection too. */
    public boolean cascadeDetach() { return cascadeDetach; }
    /** orphanRemoval: an element removed from the collection is deleted. */
    public boolean orphanRemoval() { return orphanRemoval; }

    /**
     * True for a collection linked through a {@link #secondary() secondary table}: a {@code @ManyToMany} (either side), or
     * a unidirectional {@code @OneToMany} with a join table ({@link #joinTableOneToMany()}); false for a
     * {@code @OneToMany(mappedBy)}.
     */
    public boolean isManyToMany() { return manyToMany; }

    /**
     * A {@code @OneToMany} with neither {@code mappedBy} nor {@code @JoinColumn} (JPA's default for a unidirectional
     * one-to-many): linked through a join table as a many-to-many from one side (so {@link #isManyToMany()} is true),
     * whose element column is UNIQUE — an element belongs to one owner's collection at most. Unlike a
     * {@code @ManyToMany} it takes {@code orphanRemoval}.
     */
    public boolean joinTableOneToMany() { return oneToMany; }

    /**
     * A unidirectional {@code @OneToMany @JoinColumn}: the owner's key is in a column of the element's table that no field
     * of the element maps ({@link Secondary#inElementTable()}); linked as {@link #joinTableOneToMany()} is (which is true
     * for it too), its pairs written as that column's value.
     */
    public boolean joinColumnOneToMany() { return secondary != null && secondary.inElementTable(); }
    /**
     * The owning side's secondary table (from {@code @JoinTable} or JPA's defaults), seen from this side;
     * null for a one-to-many and for the inverse side of a many-to-many, which sees the owning side's
     * table {@link Secondary#flipped() flipped}.
     */
    public Secondary secondary() { return secondary; }

    /**
     * True for an {@code @ElementCollection}: {@link #target()} is the (boxed) value class, and {@link #secondary()}
     * the collection table, its {@link Secondary#local() local} column the owner's key and its {@link Secondary#remote()
     * remote} column the value ({@link Secondary#values()}). A {@link #isSet() Set} is keyed by (owner, value) and
     * written by difference; a List or Collection is a bag (no key, no position) whose change rewrites the owner's rows.
     */
    public boolean isElementCollection() { return elementCollection; }

    /** The field's current value. */
    public Object get(Object entity) { return handle.get(entity); }
    public void set(Object entity, Object collection) { handle.set(entity, collection); }

    @Override public String toString() { return field.getDeclaringClass().getSimpleName() + "." + name + " -> " + target.getSimpleName() + "[]"; }
}
