package org.athanor.orm;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.orm.flush.FlushPlan;

/**
 * The foreign keys of an entity's table that reference the table's own primary key (a category's
 * parent_id), as attribute positions: what the flush needs to order the rows of one table among
 * themselves ({@link FlushPlan}). Foreign keys to other tables are ordered table by table (the
 * registry's rank) and are not here; keys to a non-primary unique column are not followed.
 */
final class SelfReferences {
    /** Per foreign key, the attribute positions of its columns in the order of the primary key's attributes. */
    final int[][] local;
    final boolean[] nullable;
    private final EntityInfo info;

    private SelfReferences(EntityInfo info, int[][] local, boolean[] nullable) {
        this.info = info;
        this.local = local;
        this.nullable = nullable;
    }

    /** The self-references of {@code info}'s table, or null when it has none (the usual case: no per-row work). */
    static SelfReferences of(EntityInfo info) {
        List<int[]> locals = new ArrayList<>();
        List<Boolean> nulls = new ArrayList<>();
        for (ForeignKey fk : info.table.foreignKeys()) {
            if (!fk.references(info.table)) continue;
            List<Column<?>> target = fk.referencedColumns();
            if (target.size() != info.idIdx.length) continue;
            int[] positions = new int[info.idIdx.length];
            boolean ok = true, mayBeNull = true;
            for (int k = 0; k < info.idIdx.length && ok; k++) {
                int t = target.indexOf(info.attrs[info.idIdx[k]].column());
                int a = t < 0 ? -1 : attributeOf(info, fk.columns().get(t));
                ok = a >= 0;
                if (ok) {
                    positions[k] = a;
                    mayBeNull &= fk.columns().get(t).isNullable() && info.attrs[a].updatable();
                }
            }
            if (!ok) continue;
            locals.add(positions);
            nulls.add(mayBeNull);
        }
        if (locals.isEmpty()) return null;
        boolean[] nullable = new boolean[nulls.size()];
        for (int i = 0; i < nullable.length; i++) nullable[i] = nulls.get(i);
        return new SelfReferences(info, locals.toArray(int[][]::new), nullable);
    }

    private static int attributeOf(EntityInfo info, Column<?> c) {
        for (int i = 0; i < info.attrs.length; i++) if (info.attrs[i].column() == c) return i;
        return -1;
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
