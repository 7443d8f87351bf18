package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.mapping.ToOne;

/**
 * The order of a flush's inserts (and, reversed, its deletes) across tables, row by row (SQLAlchemy's
 * unit of work sorted per state): every row of the flush is one node, every {@code @ManyToOne} /
 * {@code @OneToOne} from a row to another row of the flush one edge, matched by object identity (a
 * new row with a generated id has no key yet). The rows go out in <em>runs</em> of one entity, each
 * one insert (or delete) call: at each step, of the entities with rows whose referenced rows are all
 * written, the first in the registry's foreign-key rank (the last, for deletes) writes all of them. So
 * the rows of one table stay one multi-row statement unless a reference really needs another
 * statement first, and an acyclic flush is written table by table, parents first, as before.
 *
 * <p>An edge to a row whose key the database generates needs the referenced row's statement to have
 * run ("hard"). An edge between rows of one entity with known keys only needs the order within the
 * statement ("soft": the run keeps both, {@link FlushPlan} orders them by key).
 *
 * <p>When no run can go, rows reference each other in a cycle (across tables, or new rows of one
 * table with generated keys). The cycle is broken as SQLAlchemy's {@code post_update} does: one of
 * its references is written NULL at the insert and set by an UPDATE after all inserts ({@link Cut});
 * for deletes, it is set to NULL by an UPDATE before the deletes. Which one: a nullable reference of
 * the cycle (an optional relationship on a nullable column); when several are, the one held by the
 * object added (or deleted) first. A cycle whose references are all NOT NULL cannot be written: an
 * error names its objects and columns, before any statement runs.
 */
final class RowPlan {
    /** Rows of one entity written by one insert (or delete) call, in add (or delete) order. */
    record Run(Mapper mapper, List<InstanceState> rows) {}

    /**
     * Reference {@code reference} (a position in its mapper's toOnes) of {@code row} breaks a cycle: for
     * inserts written NULL, then set to {@code related}'s key by an UPDATE; for deletes set to NULL by an
     * UPDATE first ({@code related} null).
     */
    record Cut(InstanceState row, int reference, Object related) {}

    record Plan(List<Run> runs, List<Cut> cuts) {}

    private final List<InstanceState> rows;
    private final boolean deleting;
    private int edges;
    /** The edges, in parallel arrays grown from empty: most flushes have none (no new row references another). */
    private int[] before = NO_EDGES, after = NO_EDGES, refRow = NO_EDGES, refK = NO_EDGES;
    private boolean[] hard = NO_HARD;
    private static final int[] NO_EDGES = new int[0];
    private static final boolean[] NO_HARD = new boolean[0];

    private RowPlan(List<InstanceState> rows, boolean deleting) {
        this.rows = rows;
        this.deleting = deleting;
    }

    /**
     * The inserts of {@code pending} (add order). A new element of a {@code @OneToMany @JoinColumn} collection of a new
     * owner waits for the owner's row too (its INSERT carries the owner's key, {@link KeyColumnLinks#carried}): an edge
     * that is never cut (reference -1).
     */
    static Plan inserts(List<InstanceState> pending, UnitOfWork uow) {
        RowPlan p = new RowPlan(pending, false);
        Map<Object, Integer> index = null;
        // (no view or iterator over no collection change)
        if (!uow.links.changes().isEmpty()) for (Map.Entry<org.athanor.orm.mapping.Secondary, java.util.LinkedHashMap<org.athanor.orm.internal.uow.LinkChanges.Pair, Boolean>> e
                : uow.links.changes().entrySet()) {
            if (!e.getKey().inElementTable()) continue;
            for (Map.Entry<org.athanor.orm.internal.uow.LinkChanges.Pair, Boolean> c : e.getValue().entrySet()) {
                if (!c.getValue()) continue;
                if (index == null) index = indexOfObjects(pending);
                Integer i = index.get(c.getKey().element()), j = index.get(c.getKey().owner());
                if (i != null && j != null && !i.equals(j)) p.edge(j, i, i, -1, true);
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            InstanceState st = pending.get(i);
            Mapper info = st.info;
            for (int k = 0; k < info.toOnes.length; k++) {
                Object related = info.toOnes[k].get(st.obj());
                if (related == null) continue;
                if (index == null) index = indexOfObjects(pending);
                Integer j = index.get(related);
                if (j == null) continue; // persistent, or outside the session (the cascade added what it reaches)
                boolean unassigned = info.referencedKeyOf(k, related) == Mapper.UNASSIGNED_KEY;
                if (j == i && !unassigned) continue; // a row referencing itself by a known key: one statement writes both
                p.edge(j, i, i, k, unassigned || pending.get(j).info != info);
            }
        }
        return p.sort();
    }

    /** The deletes of {@code marked} (delete order), matched by the keys their rows hold in the database. */
    static Plan deletes(List<InstanceState> marked, UnitOfWork uow) {
        RowPlan p = new RowPlan(marked, true);
        Map<InstanceState, Integer> index = null;
        for (int i = 0; i < marked.size(); i++) {
            InstanceState st = marked.get(i);
            Mapper info = st.info;
            for (int k = 0; k < info.toOnes.length; k++) {
                Object stored = st.snapshot != null ? info.refKey(st.snapshot, k) : info.referencedKey(st.obj(), k);
                if (stored == null || stored == Mapper.UNASSIGNED_KEY) continue;
                InstanceState target = uow.identityMap.get(info.targetKey(k, stored));
                if (target == null) continue;
                if (index == null) {
                    index = new IdentityHashMap<>(marked.size() * 2);
                    for (int r = 0; r < marked.size(); r++) index.put(marked.get(r), r);
                }
                Integer j = index.get(target);
                if (j == null || j == i) continue;
                // the referencing row goes first; rows of one entity are ordered within their DELETE by key
                p.edge(i, j, i, k, target.info != info);
            }
        }
        return p.sort();
    }

    private static Map<Object, Integer> indexOfObjects(List<InstanceState> states) {
        Map<Object, Integer> m = new IdentityHashMap<>(states.size() * 2);
        for (int i = 0; i < states.size(); i++) m.put(states.get(i).obj(), i);
        return m;
    }

    private void edge(int b, int a, int row, int k, boolean isHard) {
        if (edges == before.length) {
            int n = Math.max(8, edges * 2);
            before = Arrays.copyOf(before, n);
            after = Arrays.copyOf(after, n);
            refRow = Arrays.copyOf(refRow, n);
            refK = Arrays.copyOf(refK, n);
            hard = Arrays.copyOf(hard, n);
        }
        before[edges] = b;
        after[edges] = a;
        refRow[edges] = row;
        refK[edges] = k;
        hard[edges++] = isHard;
    }

    /** The entities of the rows, in the order their runs are preferred: by rank (reversed for deletes), then first appearance. */
    private List<Mapper> mappers() {
        // most flushes write rows of one entity: found by index, without a list grown or an iterator made
        Mapper only = rows.get(0).info;
        int n = rows.size(), i = 1;
        while (i < n && rows.get(i).info == only) i++;
        if (i == n) return List.of(only);
        // the entities in order of first appearance: a short list (a flush writes few entities), searched linearly
        // where the rows change entity, not hashed per row
        List<Mapper> first = new ArrayList<>(4);
        first.add(only);
        Mapper last = only;
        for (; i < n; i++) {
            Mapper m = rows.get(i).info;
            if (m != last) {
                last = m;
                if (!first.contains(m)) first.add(m);
            }
        }
        List<Mapper> out = new ArrayList<>(first);
        out.sort((x, y) -> x.rank() != y.rank() ? (deleting ? Integer.compare(y.rank(), x.rank()) : Integer.compare(x.rank(), y.rank()))
                : Integer.compare(first.indexOf(x), first.indexOf(y)));
        return out;
    }

    private Plan sort() {
        List<Mapper> mappers = mappers();
        if (edges == 0) return new Plan(byMapper(mappers), List.of());
        return new Sorter(mappers).sort();
    }

    /** One run per entity, in preference order (no row references another row of the flush). */
    private List<Run> byMapper(List<Mapper> mappers) {
        if (mappers.size() == 1) return List.of(new Run(mappers.get(0), rows));
        Map<Mapper, List<InstanceState>> by = new HashMap<>();
        for (InstanceState st : rows) by.computeIfAbsent(st.info, m -> new ArrayList<>()).add(st);
        List<Run> runs = new ArrayList<>(mappers.size());
        for (Mapper m : mappers) runs.add(new Run(m, by.get(m)));
        return runs;
    }

    /** Kahn's algorithm over the rows, a run of one entity at a time. */
    private final class Sorter {
        final List<Mapper> mappers;
        final int n = rows.size();
        final int[] mapperOf = new int[n];
        final int[][] in = new int[n][], out = new int[n][];
        final int[] hardWaiting = new int[n];
        final boolean[] emitted = new boolean[n], cut = new boolean[edges];
        /** Scratch of {@link #runOf}: the rows of the run being formed (all false between calls). */
        final boolean[] inRun = new boolean[n];
        /** Per entity, its rows not written yet whose hard edges are all satisfied. */
        final List<List<Integer>> ready = new ArrayList<>();
        final List<Run> runs = new ArrayList<>();
        final List<Cut> cuts = new ArrayList<>();

        Sorter(List<Mapper> mappers) {
            this.mappers = mappers;
            Map<Mapper, Integer> pos = new HashMap<>();
            for (Mapper m : mappers) {
                pos.put(m, pos.size());
                ready.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) mapperOf[i] = pos.get(rows.get(i).info);
            int[] inCount = new int[n], outCount = new int[n];
            for (int e = 0; e < edges; e++) {
                inCount[after[e]]++;
                outCount[before[e]]++;
                if (hard[e]) hardWaiting[after[e]]++;
            }
            for (int i = 0; i < n; i++) {
                in[i] = new int[inCount[i]];
                out[i] = new int[outCount[i]];
            }
            int[] fi = new int[n], fo = new int[n];
            for (int e = 0; e < edges; e++) {
                in[after[e]][fi[after[e]]++] = e;
                out[before[e]][fo[before[e]]++] = e;
            }
            for (int i = 0; i < n; i++) if (hardWaiting[i] == 0) ready.get(mapperOf[i]).add(i);
        }

        Plan sort() {
            int written = 0;
            while (written < n) {
                List<Integer> run = null;
                for (int m = 0; m < mappers.size() && run == null; m++) run = runOf(m);
                if (run == null) {
                    breakCycle();
                    continue;
                }
                List<InstanceState> states = new ArrayList<>(run.size());
                for (int i : run) {
                    states.add(rows.get(i));
                    emitted[i] = true;
                }
                written += run.size();
                for (int i : run)
                    for (int e : out[i])
                        if (hard[e] && !cut[e] && --hardWaiting[after[e]] == 0) ready.get(mapperOf[after[e]]).add(after[e]);
                runs.add(new Run(mappers.get(mapperOf[run.get(0)]), states));
            }
            return new Plan(runs, cuts);
        }

        /**
         * The rows of entity {@code m} that can be written now, in add order (removed from its ready list),
         * or null: ready rows whose soft edges come from rows written or in the run.
         */
        private List<Integer> runOf(int m) {
            List<Integer> r = ready.get(m);
            if (r.isEmpty()) return null;
            for (int i : r) inRun[i] = true;
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i : r) {
                    if (!inRun[i]) continue;
                    for (int e : in[i])
                        if (!hard[e] && !cut[e] && !emitted[before[e]] && !inRun[before[e]]) {
                            inRun[i] = false;
                            changed = true;
                            break;
                        }
                }
            }
            List<Integer> run = new ArrayList<>(r.size()), rest = new ArrayList<>();
            for (int i : r) {
                (inRun[i] ? run : rest).add(i);
                inRun[i] = false; // reused by the next call
            }
            if (run.isEmpty()) return null;
            run.sort(null);
            ready.set(m, rest);
            return run;
        }

        /**
         * Every row left waits on another: walking from the first one along an edge it waits on comes back
         * to a row already seen. Of that cycle's nullable references, the one held by the row added first is cut.
         */
        private void breakCycle() {
            int start = 0;
            while (emitted[start]) start++;
            Map<Integer, Integer> seenAt = new HashMap<>();
            List<Integer> path = new ArrayList<>();
            int x = start;
            while (!seenAt.containsKey(x)) {
                seenAt.put(x, path.size());
                int next = waitedOn(x);
                if (next < 0) throw new IllegalStateException("internal: flush plan stuck at " + describe(rows.get(x)));
                path.add(next);
                x = before[next];
            }
            List<Integer> cycle = path.subList(seenAt.get(x), path.size());
            int best = -1;
            for (int e : cycle)
                if (nullable(e) && (best < 0 || refRow[e] < refRow[best])) best = e;
            if (best < 0) throw notNullCycle(cycle);
            cut[best] = true;
            InstanceState holder = rows.get(refRow[best]);
            cuts.add(new Cut(holder, refK[best], deleting ? null : rows.get(before[best]).obj()));
            if (hard[best] && --hardWaiting[after[best]] == 0) ready.get(mapperOf[after[best]]).add(after[best]);
        }

        /** An edge {@code i} waits on: a hard one first. */
        private int waitedOn(int i) {
            int soft = -1;
            for (int e : in[i]) {
                if (cut[e] || emitted[before[e]]) continue;
                if (hard[e]) return e;
                if (soft < 0) soft = e;
            }
            return soft;
        }

        private boolean nullable(int e) {
            if (refK[e] < 0) return false; // a collection's key column, written by the element's INSERT: never cut
            ToOne t = rows.get(refRow[e]).info.toOnes[refK[e]];
            return t.optional() && t.columns().stream().allMatch(Column::isNullable);
        }

        private IllegalStateException notNullCycle(List<Integer> cycle) {
            StringBuilder b = new StringBuilder();
            // each reference as "holder.reference -> referenced", in the order the cycle runs
            for (int c = 0; c < cycle.size(); c++) {
                int e = cycle.get(deleting ? cycle.size() - 1 - c : c);
                InstanceState holder = rows.get(refRow[e]), other = rows.get(refRow[e] == before[e] ? after[e] : before[e]);
                if (b.length() > 0) b.append(", ");
                if (refK[e] < 0) { // a @OneToMany @JoinColumn: the element's row holds the owner's key
                    b.append(describe(other)).append(" collection -> ").append(describe(holder)).append(" (its key column)");
                    continue;
                }
                ToOne t = holder.info.toOnes[refK[e]];
                Column<?> col = t.columns().get(0);
                b.append(describe(holder)).append('.').append(t.name()).append(" -> ").append(describe(other))
                        .append(" (").append(col.table().name()).append('.')
                        .append(String.join(", ", t.columns().stream().map(Column::name).toList())).append(" NOT NULL)");
            }
            return new IllegalStateException((deleting ? "objects deleted in this flush" : "new objects")
                    + " reference each other in a cycle through foreign keys that cannot be NULL, so no row can be "
                    + (deleting ? "deleted" : "inserted") + " first: " + b + ". Make one of these references optional"
                    + " (@ManyToOne(optional = true) on a nullable column): the flush then "
                    + (deleting ? "sets it to NULL by an UPDATE before the deletes" : "inserts it NULL and sets it by an UPDATE")
                    + " (post-update); or " + (deleting ? "point one reference elsewhere and flush before deleting"
                    : "flush one object before setting the reference that closes the cycle"));
        }
    }

    static String describe(InstanceState st) {
        return st.key() != null ? st.key().toString() : st.info.name + " object (pending)";
    }
}
