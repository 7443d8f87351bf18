package org.athanor.orm.internal.mapping;

import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.IdShape;

/** The identity key of an id the user gives ({@code session.get(User.class, 42L)}), for {@link Mapper#keyFromId}. */
final class UserIds {
    private UserIds() {}

    /** See {@link Mapper#keyFromId}: a single value, or an instance of the {@code @IdClass} / {@code @EmbeddedId} class. */
    static IdKey key(Mapper m, IdShape idShape, Object id) {
        if (id == null) throw new NullPointerException("the id given for " + m.name + " is null"); // no capturing lambda per get
        Object[] k = new Object[m.idIdx.length];
        Class<?> idClass = idShape.idClass();
        if (idClass == null && m.idIdx.length == 1) {
            Attribute single = m.attrs[m.idIdx[0]];
            try {
                k[0] = single.column().type().cast(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the id of " + m.name + " is a " + single.javaType().getName() + ", got "
                        + id + " of " + id.getClass().getName(), e);
            }
            return IdKey.ofIds(m, k);
        }
        if (idClass == null || !idClass.isInstance(id))
            throw new IllegalArgumentException("the id of " + m.name + " is a " + idShape.idClassKind() + " "
                    + (idClass == null ? "?" : idClass.getName()) + ", got " + id + " of " + id.getClass().getName());
        for (int i = 0; i < k.length; i++) {
            Object v = idShape.read(id, i);
            if (v == null)
                throw new IllegalArgumentException("the id of " + m.name + " has no value for " + m.attrs[m.idIdx[i]].name() + ": " + id);
            k[i] = m.attrs[m.idIdx[i]].column().type().cast(v);
        }
        return IdKey.ofIds(m, k);
    }
}
