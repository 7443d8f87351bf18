package org.athanor.orm.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;

/**
 * The foreign keys of an entity's table that reference the table's own primary key (a category's
 * parent_id), as attribute positions: what the flush needs to order the rows of one table among
 * themselves (the flush plan). Foreign keys to other tables are ordered table by table (the
 * registry's rank) and are not here; keys to a non-primary unique column are not followed.
 */
public final class SelfReferences {
    /** Per foreign key, the attribute positions of its columns in the order of the primary key's attributes. */
    public final int[][] local;
    public final boolean[] nullable;

    private SelfReferences(int[][] local, boolean[] nullable) {
        this.local = local;
        this.nullable = nullable;
    }

    /** The self-references of {@code info}'s table, or null when it has none (the usual case: no per-row work). */
    static SelfReferences of(Mapper info) {
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
        return new SelfReferences(locals.toArray(int[][]::new), nullable);
    }

    private static int attributeOf(Mapper info, Column<?> c) {
        for (int i = 0; i < info.attrs.length; i++) if (info.attrs[i].column() == c) return i;
        return -1;
    }
}
