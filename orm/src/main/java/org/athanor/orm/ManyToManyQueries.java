package org.athanor.orm;

import java.util.List;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Sql;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.KeyConditions;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.mapping.Secondary;

/** Query conditions over a collection's key column or secondary table, read through the session registry's mappers. */
final class ManyToManyQueries {
    private ManyToManyQueries() {}

    /**
     * {@code withParent(student, Student_.courses)} on a query of courses: EXISTS a row of the secondary table
     * linking the course to the student's key (the collection is not loaded).
     */
    static <P> Expression<Boolean> withParent(Relationship<P, ?> r, Mapper owner, Mapper element, P parent) {
        Secondary s = r.secondary();
        List<Expression<?>> elementId = List.of(element.idColumns());
        return Sql.exists(Sql.select(Sql.literal(1)).from(s.table())
                .where(Sql.and(List.of(KeyConditions.join(s.remotes(), elementId), KeyConditions.eq(s.locals(), ownerKey(r, owner, parent))))));
    }

    /** {@code withParent} of a {@code @OneToMany @JoinColumn}: the element's key column equals the parent's key. */
    static <P> Expression<Boolean> withParentKey(Relationship<P, ?> r, Mapper owner, P parent) {
        return KeyConditions.eq(List.of(owner.mapping.toMany(r.name()).secondary().local()), ownerKey(r, owner, parent));
    }

    /** The parent's key: its one value, or the list of its values for a composite key. */
    private static <P> Object ownerKey(Relationship<P, ?> r, Mapper owner, P parent) {
        if (parent == null) throw new IllegalArgumentException("withParent(null, " + r + "): give the " + r.owner().getSimpleName());
        IdKey id = owner.keyOfObject(parent);
        if (id == null)
            throw new IllegalArgumentException("withParent(" + parent + ", " + r + "): the " + r.owner().getSimpleName()
                    + " has no id yet; flush() first");
        return id.size() == 1 ? id.value(0) : id.asList();
    }
}
