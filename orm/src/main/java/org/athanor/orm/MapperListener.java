package org.athanor.orm;

/**
 * Mapper events (SQLAlchemy's {@code before_insert}, {@code after_insert}, {@code before_update},
 * {@code after_update}, {@code before_delete}, {@code after_delete}) for the objects of one entity
 * class and its subclasses, registered with {@link SessionFactory#withListener(Class, MapperListener)}.
 * Called during a flush, once per object, in the order the flush writes the rows; see docs/orm-events.md.
 *
 * <pre>{@code
 * sessions = sessions.withListener(Post.class, new MapperListener<Post>() {
 *     @Override public void beforeInsert(Session session, Post post) { post.setSlug(slugOf(post.getTitle())); }
 * });
 * }</pre>
 *
 * What a {@code before} method changes on the object's mapped fields is written by this flush. Do not
 * add, delete or query through the session here (use {@link SessionListener#beforeFlush}). What a
 * method throws rolls the flush back (the transaction, or the innermost savepoint) and propagates.
 *
 * @param <E> the entity class (or a superclass/interface of the entity classes) listened to
 */
public interface MapperListener<E> {
    /** Before the object's INSERT, after {@code @PrePersist}; changes to its fields are inserted. */
    default void beforeInsert(Session session, E entity) {}

    /** After the object's INSERT, after {@code @PostPersist}; a generated id is assigned. */
    default void afterInsert(Session session, E entity) {}

    /**
     * Before the object's UPDATE, only when it is dirty, after {@code @PreUpdate}; its changes are
     * read again afterwards, so what it changes is written (and if it undoes every change, nothing is).
     */
    default void beforeUpdate(Session session, E entity) {}

    /** After the object's UPDATE, after {@code @PostUpdate}. */
    default void afterUpdate(Session session, E entity) {}

    /** Before the object's DELETE (its {@code @PreRemove} ran at delete()). */
    default void beforeDelete(Session session, E entity) {}

    /** After the object's DELETE, after {@code @PostRemove}. */
    default void afterDelete(Session session, E entity) {}
}
