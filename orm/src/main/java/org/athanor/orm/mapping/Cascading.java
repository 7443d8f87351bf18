package org.athanor.orm.mapping;

import jakarta.persistence.CascadeType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.lang.reflect.Field;

/**
 * The cascades a relationship field declares, {@code ALL} spelled out: JPA's {@code cascade} member mapped to
 * SQLAlchemy's cascades — REMOVE is {@code delete}, MERGE {@code merge}, REFRESH {@code refresh-expire}, DETACH
 * {@code expunge}. PERSIST ({@code save-update}) is not a flag: adding an object always adds the new objects it
 * references and collects, as SQLAlchemy's default cascade does.
 *
 * @param remove  deleting the object deletes the related objects
 * @param merge   {@code Session.merge} merges the related objects the given object holds (loaded ones)
 * @param refresh {@code Session.refresh} re-reads the related objects too
 * @param detach  {@code Session.expunge} expunges the related objects too
 */
public record Cascading(boolean remove, boolean merge, boolean refresh, boolean detach) {
    public static final Cascading NONE = new Cascading(false, false, false, false);

    /** The cascades of {@code types} ({@code ALL}: all four). */
    public static Cascading of(CascadeType... types) {
        boolean remove = false, merge = false, refresh = false, detach = false;
        for (CascadeType c : types) {
            boolean all = c == CascadeType.ALL;
            remove |= all || c == CascadeType.REMOVE;
            merge |= all || c == CascadeType.MERGE;
            refresh |= all || c == CascadeType.REFRESH;
            detach |= all || c == CascadeType.DETACH;
        }
        return remove || merge || refresh || detach ? new Cascading(remove, merge, refresh, detach) : NONE;
    }

    /** The cascades of the relationship annotation on {@code field} (none when it has none). */
    static Cascading of(Field field) {
        if (field == null) return NONE;
        ManyToOne m1 = field.getAnnotation(ManyToOne.class);
        if (m1 != null) return of(m1.cascade());
        OneToOne o1 = field.getAnnotation(OneToOne.class);
        if (o1 != null) return of(o1.cascade());
        OneToMany om = field.getAnnotation(OneToMany.class);
        if (om != null) return of(om.cascade());
        ManyToMany mm = field.getAnnotation(ManyToMany.class);
        return mm != null ? of(mm.cascade()) : NONE;
    }
}
