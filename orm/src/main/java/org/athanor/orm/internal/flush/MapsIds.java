package org.athanor.orm.internal.flush;

import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.mapping.Attribute;

/**
 * {@code @MapsId("studentId") @ManyToOne Student student} with an {@code @EmbeddedId}: before a new row is inserted,
 * the key component the reference shares its column with takes the referenced object's key (assigned by now: the
 * referenced table was inserted first), as Hibernate fills the embedded id. Written through the unit of work, so a
 * rollback restores the component.
 */
final class MapsIds {
    private MapsIds() {}

    static void fill(UnitOfWork uow, Mapper info, List<InstanceState> list) {
        for (int k = 0; k < info.toOnes.length; k++) {
            Attribute shared = info.toOnes[k].mapsId();
            if (shared == null) continue;
            for (InstanceState st : list) {
                Object key = info.referencedKey(st.obj(), k);
                if (key == null)
                    throw new IllegalStateException(info.name + "." + info.toOnes[k].name() + " is null in a new " + info.name
                            + ": @MapsId(\"" + shared.name() + "\") takes that part of the primary key from the referenced "
                            + "object; set the reference before the flush");
                if (!Values.same(info.get(st.obj(), shared.index()), key)) uow.writeAttribute(st, shared.index(), key);
            }
        }
    }
}
