package org.athanor.orm.internal.flush;

import org.athanor.orm.internal.uow.InstanceState;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.SelfReferences;

/** The flush plan's view of a table's self-references ({@link SelfReferences}): row keys and references of states. */
final class RowReferences {
    private final Mapper info;
    private final int[][] local;
    private final boolean[] nullable;

    RowReferences(Mapper info) {
        this.info = info;
        SelfReferences refs = info.selfReferences();
        this.local = refs.local;
        this.nullable = refs.nullable;
    }

    /**
     * The flush-plan references of a list of states; {@code stored}: read the values the row has in the
     * database (the snapshot, for deletes) rather than the object's current ones (for inserts).
     */
    List<FlushPlan.Reference<InstanceState>> references(boolean stored) {
        List<FlushPlan.Reference<InstanceState>> refs = new ArrayList<>(local.length);
        for (int f = 0; f < local.length; f++) {
            int[] positions = local[f];
            refs.add(new FlushPlan.Reference<>(st -> keyOf(st, positions, stored), nullable[f]));
        }
        return refs;
    }

    /** The key of a state's row, by the same rule as its references, so the plan can match them. */
    Object key(InstanceState st, boolean stored) { return keyOf(st, info.idIdx, stored); }

    private Object keyOf(InstanceState st, int[] positions, boolean stored) {
        Object[] ids = new Object[positions.length];
        for (int k = 0; k < positions.length; k++) {
            Object v = stored && st.snapshot != null ? st.snapshot[positions[k]] : info.get(st.obj(), positions[k]);
            if (v == null) return null;
            ids[k] = v;
        }
        return IdKey.ofIds(info, ids);
    }
}
