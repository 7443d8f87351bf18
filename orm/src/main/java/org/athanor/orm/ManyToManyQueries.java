package org.athanor.orm;

import java.util.List;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Sql;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.mapping.EntityMapping;
import org.athanor.orm.mapping.Secondary;

/** Query conditions over a many-to-many collection's secondary table. */
final class ManyToManyQueries {
    private ManyToManyQueries() {}

    /**
     * {@code withParent(student, Student_.courses)} on a query of courses: EXISTS a row of the secondary table
     * linking the course to the student's key (the collection is not loaded).
     */
    static <P> Expression<Boolean> withParent(Relationship<P, ?> r, Mapper element, P parent) {
        Object id = ownerId(r, parent);
        Secondary s = r.secondary();
        List<Expression<?>> elementId = List.of(element.idColumns());
        List<Object> values = EntityMapping.of(r.owner()).idValues(id);
        Object key = values.size() == 1 ? values.get(0) : values;
        return Sql.exists(Sql.select(Sql.literal(1)).from(s.table())
                .where(Sql.and(List.of(KeyConditions.join(s.remotes(), elementId), KeyConditions.eq(s.locals(), key)))));
    }

    /** {@code withParent} of a {@code @OneToMany @JoinColumn}: the element's key column equals the parent's key. */
    static <P> Expression<Boolean> withParentKey(Relationship<P, ?> r, P parent) {
        return EntityMapping.of(r.owner()).toMany(r.name()).secondary().local().eq(ownerId(r, parent));
    }

    private static <P> Object ownerId(Relationship<P, ?> r, P parent) {
        if (parent == null) throw new IllegalArgumentException("withParent(null, " + r + "): give the " + r.owner().getSimpleName());
        Object id = EntityMapping.of(r.owner()).identityOf(parent);
        if (id == null)
            throw new IllegalArgumentException("withParent(" + parent + ", " + r + "): the " + r.owner().getSimpleName()
                    + " has no id yet; flush() first");
        return id;
    }
}
