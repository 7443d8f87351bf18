package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The per-row dependency sort of a flush (SQLAlchemy's unitofwork/topological per-row sort): rows of
 * one table in an order where every row comes after the rows of the same list it references, and
 * otherwise in their given order (the add order), so that runs of independent rows stay runs and are
 * still written as one multi-row INSERT. A cycle of rows (a references b, b references a) cannot be
 * ordered; the first row of the cycle is written with its reference NULL and the reference is set by
 * an UPDATE once the other rows exist ({@link Deferred}), as SQLAlchemy's post_update does. A cycle
 * through a reference that may not be NULL cannot be written at all and is an error naming the rows.
 *
 * <p>Deletes use the same sort in reverse: a row is deleted before the rows it references, and a
 * cycle is broken by setting the reference to NULL first.
 */
public final class FlushPlan {
    private FlushPlan() {}

    /**
     * One reference from a row to another row of the same list: {@code value} gives the key the row
     * refers to (comparable with the rows' keys by equals, null when it refers to nothing); {@code
     * nullable}: whether the reference may be written as NULL first and set later to break a cycle.
     */
    public record Reference<R>(Function<R, Object> value, boolean nullable) {}

    /** The {@code reference}-th reference of {@code row} is written NULL first and set afterwards. */
    public record Deferred<R>(R row, int reference) {}

    /** The rows in dependency order, and the references written later to break cycles. */
    public record Sorted<R>(List<R> rows, List<Deferred<R>> deferred) {}

    /**
     * Sorts {@code rows} (keys by {@code key}; a row whose key is null, such as one whose id the database
     * will generate, cannot be referenced). When no row references another row of the list, {@code rows}
     * itself comes back, unchanged: the common flush pays for one hash lookup per reference and no copy.
     *
     * @throws IllegalStateException when rows form a cycle through references that cannot be NULL
     */
    public static <R> Sorted<R> sortRows(List<R> rows, Function<R, Object> key, List<Reference<R>> references) {
        int n = rows.size();
        if (n < 2 || references.isEmpty()) return new Sorted<>(rows, List.of());
        Map<Object, Integer> byKey = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Object k = key.apply(rows.get(i));
            if (k != null) byKey.put(k, i);
        }
        // the edges, row to the row it references: parent, child, reference index; built only once one exists
        int[] parent = null, child = null, ref = null;
        int edges = 0;
        for (int i = 0; i < n; i++) {
            R row = rows.get(i);
            for (int j = 0; j < references.size(); j++) {
                Object v = references.get(j).value().apply(row);
                if (v == null) continue;
                Integer p = byKey.get(v);
                if (p == null || p == i) continue; // a row outside this flush, or the row itself (one statement writes both)
                if (parent == null) {
                    parent = new int[8];
                    child = new int[8];
                    ref = new int[8];
                } else if (edges == parent.length) {
                    parent = Arrays.copyOf(parent, edges * 2);
                    child = Arrays.copyOf(child, edges * 2);
                    ref = Arrays.copyOf(ref, edges * 2);
                }
                parent[edges] = p;
                child[edges] = i;
                ref[edges++] = j;
            }
        }
        if (edges == 0) return new Sorted<>(rows, List.of());
        return new Graph<>(rows, references, parent, child, ref, edges).sort();
    }

    /** Rows and their edges, sorted by Kahn's algorithm taking the lowest ready index first. */
    private static final class Graph<R> {
        final List<R> rows;
        final List<Reference<R>> references;
        final int[] parent, child, ref;
        /** Edge ids into each row and out of each row. */
        final int[][] in, out;
        final int[] inCount, outCount, waiting;
        final boolean[] done, cut;

        Graph(List<R> rows, List<Reference<R>> references, int[] parent, int[] child, int[] ref, int edges) {
            this.rows = rows;
            this.references = references;
            this.parent = parent;
            this.child = child;
            this.ref = ref;
            int n = rows.size();
            inCount = new int[n];
            outCount = new int[n];
            for (int e = 0; e < edges; e++) {
                inCount[child[e]]++;
                outCount[parent[e]]++;
            }
            in = new int[n][];
            out = new int[n][];
            int[] fillIn = new int[n], fillOut = new int[n];
            for (int e = 0; e < edges; e++) {
                int c = child[e], p = parent[e];
                if (in[c] == null) in[c] = new int[inCount[c]];
                if (out[p] == null) out[p] = new int[outCount[p]];
                in[c][fillIn[c]++] = e;
                out[p][fillOut[p]++] = e;
            }
            waiting = inCount.clone();
            done = new boolean[n];
            cut = new boolean[edges];
        }

        Sorted<R> sort() {
            int n = rows.size();
            PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int i = 0; i < n; i++) if (waiting[i] == 0) ready.add(i);
            List<R> sorted = new ArrayList<>(n);
            List<Deferred<R>> deferred = new ArrayList<>();
            int lowestPending = 0;
            while (sorted.size() < n) {
                if (ready.isEmpty()) {
                    // every remaining row waits on another: there is a cycle among them. Cut one of its edges
                    while (done[lowestPending]) lowestPending++;
                    int e = cycleEdgeToCut(lowestPending);
                    cut[e] = true;
                    deferred.add(new Deferred<>(rows.get(child[e]), ref[e]));
                    if (--waiting[child[e]] == 0) ready.add(child[e]);
                    continue;
                }
                int i = ready.poll();
                done[i] = true;
                sorted.add(rows.get(i));
                for (int k = 0; k < outCount[i]; k++) {
                    int e = out[i][k];
                    if (!cut[e] && --waiting[child[e]] == 0) ready.add(child[e]);
                }
            }
            return new Sorted<>(sorted, deferred);
        }

        /**
         * An edge of a cycle reached from {@code start}: walking from a waiting row to a row it still waits
         * on must come back to a row already seen. Of the cycle's nullable edges, the one out of the row
         * added first is cut, so the row the application added first is written first.
         */
        private int cycleEdgeToCut(int start) {
            Map<Integer, Integer> seenAt = new HashMap<>();
            List<Integer> pathEdges = new ArrayList<>();
            int x = start;
            while (!seenAt.containsKey(x)) {
                seenAt.put(x, pathEdges.size());
                int next = -1;
                for (int k = 0; k < inCount[x] && next < 0; k++) {
                    int e = in[x][k];
                    if (!cut[e] && !done[parent[e]]) next = e;
                }
                pathEdges.add(next); // a waiting row always has an uncut edge to a row not yet written
                x = parent[next];
            }
            List<Integer> cycle = pathEdges.subList(seenAt.get(x), pathEdges.size());
            int best = -1;
            for (int e : cycle)
                if (references.get(ref[e]).nullable() && (best < 0 || child[e] < child[best])) best = e;
            if (best < 0) {
                int e = cycle.get(0);
                throw new IllegalStateException("rows " + rows.get(child[e]) + " and " + rows.get(parent[e]) + " reference each"
                        + " other (directly or through other rows) through foreign keys that cannot be NULL, so none can be"
                        + " written first; make one of the foreign key columns nullable or write the rows in separate flushes");
            }
            return best;
        }
    }
}
