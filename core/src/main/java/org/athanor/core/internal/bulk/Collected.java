package org.athanor.core.internal.bulk;

import java.util.ArrayList;
import java.util.List;

/** Where a bulk insert puts what its statements return: an array per row, or the values of the one column. */
final class Collected {
    final List<Object[]> rows;
    final Object[] flat;
    int n;

    Collected(int expected, boolean flat) {
        this.rows = flat ? null : new ArrayList<>(expected);
        this.flat = flat ? new Object[expected] : null;
    }

    void add(Object[] row) {
        if (flat == null) rows.add(row);
        else one(row[0]);
    }

    void one(Object v) {
        if (flat == null) rows.add(new Object[] {v});
        else if (n < flat.length) flat[n++] = v;
        else throw new IllegalStateException("the database returned more rows than were inserted");
    }

    int size() { return flat == null ? rows.size() : n; }

    /** Sorts what came back from {@code first} on by the single, generated key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void sortFrom(int first) {
        if (size() - first < 2) return; // one key (a flush of one new object): already in order
        if (flat != null) java.util.Arrays.sort(flat, first, n, (a, b) -> ((Comparable) a).compareTo(b));
        else rows.subList(first, rows.size()).sort((a, b) -> ((Comparable) a[0]).compareTo(b[0]));
    }

    /** The values of the one column, as many as came back. */
    Object[] flat() { return n == flat.length ? flat : java.util.Arrays.copyOf(flat, n); }
}
