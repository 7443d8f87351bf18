package org.athanor.orm.internal.flush;


import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.internal.flush.DirtyCheck.Dirty;
import org.athanor.orm.StaleDataException;

import org.athanor.orm.internal.mapping.Mapper;

import jakarta.persistence.GenerationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.RowsInsert;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Delete;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.sql.Update;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.Callbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts of a self-referencing entity's new rows in levels (SQLAlchemy's per-row unit of work for a
 * relationship to its own class): each row after the rows it references, a cycle of new rows broken
 * by a post-update. Moved out of Persistence unchanged.
 */
final class InsertLevels {
    private final Persistence p;
    private final Inserts inserts;

    InsertLevels(Persistence p, Inserts inserts) {
        this.p = p;
        this.inserts = inserts;
    }

    /**
     * Inserts rows of an entity with a {@code @ManyToOne} to itself (Employee.manager) where new rows
     * reference new rows whose key the database generates: the rows go in levels (a row after the rows
     * it references), each level one {@link Inserts#insert}, so each row is written with its referenced row's
     * key. A cycle of new rows (a manages b, b manages a) is broken as SQLAlchemy's post_update does: the
     * reference of the row where the cycle closes is written NULL, and set by an UPDATE once both rows
     * exist; a cycle through a NOT NULL reference is an error naming the rows. Rows referencing nothing
     * new are inserted as usual (one level).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void insertSelfReferencing(Mapper info, List<InstanceState> list) {
        Map<Object, InstanceState> pending = new java.util.IdentityHashMap<>();
        for (InstanceState st : list) pending.put(st.obj(), st);
        // parents[i][k]: the row of this list that row i's self-reference k points at, when its key is not assigned yet
        boolean any = false;
        for (InstanceState st : list)
            for (int k = 0; k < info.toOnes.length && !any; k++)
                if (info.toOneTarget(k) == info && pending.containsKey(info.toOnes[k].get(st.obj()))
                        && info.referencedKey(st.obj(), k) == Mapper.UNASSIGNED_KEY) any = true;
        if (!any) {
            inserts.insert(info, list);
            return;
        }
        Map<InstanceState, Integer> depth = new java.util.IdentityHashMap<>();
        Map<InstanceState, Boolean> visiting = new java.util.IdentityHashMap<>();
        List<Object[]> cuts = new ArrayList<>(); // {state, k, referenced object}
        for (InstanceState st : list) depthOf(info, st, pending, depth, visiting, cuts);
        List<List<InstanceState>> levels = new ArrayList<>();
        for (InstanceState st : list) {
            int d = depth.get(st);
            while (levels.size() <= d) levels.add(new ArrayList<>());
            levels.get(d).add(st);
        }
        for (Object[] c : cuts) info.toOnes[(Integer) c[1]].set(((InstanceState) c[0]).obj(), null);
        boolean restored = false;
        try {
            for (List<InstanceState> level : levels) if (!level.isEmpty()) inserts.insert(info, level);
            for (Object[] c : cuts) info.toOnes[(Integer) c[1]].set(((InstanceState) c[0]).obj(), c[2]);
            restored = true;
            p.entity = info;
            p.operation = "post-updating the references that close a cycle of new rows of";
            for (Object[] c : cuts) {
                InstanceState st = (InstanceState) c[0];
                int k = (Integer) c[1];
                Object key = info.referencedKey(st.obj(), k);
                Update u = Mapper.setValue(Sql.update(info.table), (Column) info.toOnes[k].column(), key).where(info.pkEquals(st.key()));
                p.statement = u;
                if (p.conn.execute(u) != 1)
                    throw new StaleDataException("post-update of " + st.key() + "." + info.toOnes[k].name() + " matched no row");
                st.snapshot[info.plain + k] = key;
            }
        } finally {
            if (!restored) for (Object[] c : cuts) info.toOnes[(Integer) c[1]].set(((InstanceState) c[0]).obj(), c[2]);
        }
    }

    /** The level of {@code st}: 0 when it references no new row of the list, else one more than the deepest one it references. */
    private static int depthOf(Mapper info, InstanceState st, Map<Object, InstanceState> pending, Map<InstanceState, Integer> depth,
                               Map<InstanceState, Boolean> visiting, List<Object[]> cuts) {
        Integer known = depth.get(st);
        if (known != null) return known;
        visiting.put(st, Boolean.TRUE);
        int d = 0;
        for (int k = 0; k < info.toOnes.length; k++) {
            if (info.toOneTarget(k) != info) continue;
            Object related = info.toOnes[k].get(st.obj());
            InstanceState p = related == null ? null : pending.get(related);
            if (p == null || p == st && info.referencedKey(st.obj(), k) != Mapper.UNASSIGNED_KEY) continue;
            if (info.referencedKey(st.obj(), k) != Mapper.UNASSIGNED_KEY) continue;
            if (p == st || visiting.containsKey(p)) {
                // the cycle closes here: this reference is written NULL and set by an UPDATE after the inserts
                if (!info.toOnes[k].optional() || !info.toOnes[k].column().isNullable())
                    throw new IllegalStateException(info.name + "." + info.toOnes[k].name() + ": new " + info.name + " objects "
                            + "reference each other in a cycle through this NOT NULL reference, so no row can be inserted first; "
                            + "make the reference optional (it is then inserted NULL and set by an UPDATE), or flush one object "
                            + "before setting the reference that closes the cycle");
                cuts.add(new Object[] {st, k, related});
                continue;
            }
            d = Math.max(d, depthOf(info, p, pending, depth, visiting, cuts) + 1);
        }
        visiting.remove(st);
        depth.put(st, d);
        return d;
    }

}
