package org.athanor.orm.internal.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.internal.flush.FlushPlan.Reference;
import org.athanor.orm.internal.flush.FlushPlan.Sorted;
import org.junit.jupiter.api.Test;

/**
 * The per-row sort on a self-referential table mapped by plain FK columns: {@code category(id, parent_id
 * references category(id), replaced_by references category(id) not null)}.
 */
class FlushPlanTest {
    record Row(Long id, Long parentId, Long replacedBy) {
        @Override public String toString() { return "#" + id; }
    }

    static final List<Reference<Row>> REFS = List.of(new Reference<>(Row::parentId, true));

    static Sorted<Row> sort(List<Row> rows, List<Reference<Row>> refs) { return FlushPlan.sortRows(rows, Row::id, refs); }

    static List<Long> ids(List<Row> rows) { return rows.stream().map(Row::id).toList(); }

    @Test
    void independentRowsComeBackAsTheSameList() {
        List<Row> rows = List.of(new Row(1L, null, null), new Row(2L, 99L, null), new Row(3L, null, null));
        Sorted<Row> s = sort(rows, REFS);
        assertSame(rows, s.rows(), "no row references another of the flush: no copy, add order kept");
        assertEquals(List.of(), s.deferred());
    }

    @Test
    void aChildAddedBeforeItsParentIsWrittenAfterIt() {
        List<Row> rows = List.of(new Row(3L, 2L, null), new Row(2L, 1L, null), new Row(1L, null, null), new Row(4L, null, null));
        Sorted<Row> s = sort(rows, REFS);
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(s.rows()), "grandparent, parent, child; the independent row keeps its place last");
        assertEquals(List.of(), s.deferred());
    }

    @Test
    void independentRowsKeepTheirAddOrderAroundDependencies() {
        List<Row> rows = new ArrayList<>();
        for (long i = 1; i <= 5; i++) rows.add(new Row(i, null, null));
        rows.add(2, new Row(10L, 20L, null)); // child of a row added later
        rows.add(new Row(20L, null, null));
        Sorted<Row> s = sort(rows, REFS);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 20L, 10L), ids(s.rows()));
    }

    @Test
    void rowsWithoutKeysAreNeverReferencedAndAReferenceToItselfIsNoDependency() {
        List<Row> rows = List.of(new Row(null, 2L, null), new Row(7L, 7L, null), new Row(2L, null, null));
        assertEquals(ids(List.of(rows.get(1), rows.get(2), rows.get(0))), ids(sort(rows, REFS).rows()));
    }

    @Test
    void aCycleIsBrokenAtItsFirstRowByALaterUpdate() {
        Row a = new Row(1L, 3L, null), b = new Row(2L, 1L, null), c = new Row(3L, 2L, null), d = new Row(4L, 3L, null);
        Sorted<Row> s = sort(List.of(d, a, b, c), REFS);
        // d waits on c; a, b, c form a cycle: a (first in add order) is written with parent_id NULL
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(s.rows()));
        assertEquals(List.of(new FlushPlan.Deferred<>(a, 0)), s.deferred());
    }

    @Test
    void aCycleThroughNotNullReferencesIsAnErrorNamingTheRows() {
        List<Reference<Row>> refs = List.of(new Reference<>(Row::parentId, true), new Reference<>(Row::replacedBy, false));
        List<Row> rows = List.of(new Row(1L, null, 2L), new Row(2L, null, 1L));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sort(rows, refs));
        assertTrue(e.getMessage().contains("#1 and #2 reference each other"), e.getMessage());
    }

    @Test
    void onlyTheCyclicReferenceIsDeferred() {
        // 1 -> 2 by parent (nullable) and 2 -> 1 by replaced_by (not null): 1 is written first with
        // parent NULL... only if the nullable edge is the one in the way
        List<Reference<Row>> refs = List.of(new Reference<>(Row::parentId, true), new Reference<>(Row::replacedBy, false));
        Row one = new Row(1L, 2L, null), two = new Row(2L, null, 1L);
        Sorted<Row> s = sort(List.of(one, two), refs);
        assertEquals(List.of(1L, 2L), ids(s.rows()));
        assertEquals(List.of(new FlushPlan.Deferred<>(one, 0)), s.deferred());
    }

    @Test
    void largeChainsSortInLinearishTime() {
        List<Row> rows = new ArrayList<>();
        int n = 50_000;
        for (long i = n; i >= 1; i--) rows.add(new Row(i, i == 1 ? null : i - 1, null)); // every child before its parent
        List<Row> sorted = sort(rows, REFS).rows();
        for (int i = 0; i < n; i++) assertEquals(i + 1L, sorted.get(i).id());
    }
}
