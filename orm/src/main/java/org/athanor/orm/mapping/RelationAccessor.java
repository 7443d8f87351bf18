package org.athanor.orm.mapping;

import java.util.List;

/**
 * Reads and writes an entity's relationship fields ({@code @ManyToOne}, {@code @OneToOne}, {@code @OneToMany},
 * {@code @ManyToMany}, {@code @ElementCollection}) by position, without reflection. The annotation processor's
 * {@code <Entity>_Accessor} implements it beside {@link EntityAccessor}; the session then reads and writes every
 * relationship of the entity's mapping through it ({@link ToOne#get}, {@link ToMany#get}, {@link InverseOne#get}).
 * An entity compiled without the processor has none, and its relationships are read through MethodHandles.
 *
 * <pre>{@code
 * RelationAccessor<Post> a = new Post_Accessor();
 * int user = a.relationNames().indexOf("user");
 * a.setRelation(post, user, alice);
 * }</pre>
 *
 * @param <E> the entity class
 */
public interface RelationAccessor<E> {
    /**
     * The relationship fields of the entity and its mapped and entity superclasses, by name, in the positions
     * {@link #getRelation} and {@link #setRelation} take.
     */
    List<String> relationNames();

    /** The field's value: the related object, the collection, or null. */
    Object getRelation(E entity, int relation);

    /** Stores {@code value} (null, or an instance of the field's type) in the field. */
    void setRelation(E entity, int relation, Object value);
}
