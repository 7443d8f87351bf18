package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * The pending list against a {@code LinkedHashSet} model: order, size, and every state's
 * {@link InstanceState#pendingPos} (-1 when not in the list, else the slot that holds it), through
 * growth, removals that leave holes, compaction, clear and sort.
 */
class PendingListTest {
    private static final Mapper USER = Mapper.configure(java.util.List.of(User.class)).get(User.class);
    private static final Comparator<InstanceState> BY_SEQ = Comparator.comparingLong(s -> s.addedSeq);

    private static InstanceState pending(long seq) {
        InstanceState s = new InstanceState(new Object(), USER);
        s.status = InstanceState.Status.PENDING;
        s.addedSeq = seq;
        return s;
    }

    /** The list's backing array, to check that each live state's position names its slot. */
    private static InstanceState[] slots(PendingList list) {
        try {
            Field f = PendingList.class.getDeclaredField("items");
            f.setAccessible(true);
            return (InstanceState[]) f.get(list);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("PendingList has no items array", e);
        }
    }

    private static void check(PendingList list, LinkedHashSet<InstanceState> model, List<InstanceState> pool) {
        assertEquals(model.size(), list.size(), "size()");
        assertEquals(model.isEmpty(), list.isEmpty(), "isEmpty()");
        assertArrayEquals(model.toArray(new InstanceState[0]), list.toArray(), "toArray() order");
        InstanceState[] slots = slots(list);
        for (InstanceState s : pool) {
            boolean in = model.contains(s);
            assertEquals(in, list.contains(s), "contains " + s);
            if (in) {
                assertTrue(s.pendingPos >= 0 && s.pendingPos < slots.length, "position " + s.pendingPos + " of a live state");
                assertSame(s, slots[s.pendingPos], "a live state's pendingPos names its slot");
            } else {
                assertEquals(-1, s.pendingPos, "a state not in the list has pendingPos -1");
            }
        }
    }

    @Test
    void compactsInsteadOfGrowingWhenHalfTheSlotsAreEmpty() {
        PendingList list = new PendingList();
        LinkedHashSet<InstanceState> model = new LinkedHashSet<>();
        List<InstanceState> pool = new ArrayList<>();
        for (int i = 0; i < 2048; i++) pool.add(pending(i));
        for (int i = 0; i < 1024; i++) {
            list.add(pool.get(i));
            model.add(pool.get(i));
        }
        int length = slots(list).length;
        assertEquals(1024, length, "8 doubled to fit 1024");
        for (int i = 0; i < 1024; i += 3) {
            list.remove(pool.get(i));
            model.remove(pool.get(i));
        }
        for (int i = 1; i < 1024; i += 3) {
            list.remove(pool.get(i));
            model.remove(pool.get(i));
        }
        check(list, model, pool);
        for (int i = 1024; i < 1500; i++) {
            list.add(pool.get(i));
            model.add(pool.get(i));
        }
        assertEquals(length, slots(list).length, "the holes were reused (compaction), the array did not grow");
        check(list, model, pool);
        for (int i = 1500; i < 2048; i++) {
            list.add(pool.get(i));
            model.add(pool.get(i));
        }
        check(list, model, pool);
    }

    @Test
    void removingTheLastLiveStateStartsOverAtSlotZero() {
        PendingList list = new PendingList();
        InstanceState a = pending(1), b = pending(2), c = pending(3);
        list.add(a);
        list.add(b);
        list.remove(b);
        list.remove(a);
        list.remove(a);
        assertTrue(list.isEmpty());
        list.add(c);
        assertEquals(0, c.pendingPos);
        assertArrayEquals(new InstanceState[] {c}, list.toArray());
    }

    @Test
    void addingAStateAgainKeepsItsPlace() {
        PendingList list = new PendingList();
        InstanceState a = pending(1), b = pending(2);
        list.add(a);
        list.add(b);
        list.add(a);
        assertArrayEquals(new InstanceState[] {a, b}, list.toArray());
        assertEquals(2, list.size());
    }

    @Test
    void sortIsStableAndRenumbersPositions() {
        PendingList list = new PendingList();
        InstanceState a = pending(2), b = pending(1), c = pending(2), d = pending(0);
        for (InstanceState s : List.of(a, b, c, d)) list.add(s);
        list.remove(b);
        list.sort(BY_SEQ);
        assertArrayEquals(new InstanceState[] {d, a, c}, list.toArray());
        assertEquals(0, d.pendingPos);
        assertEquals(1, a.pendingPos);
        assertEquals(2, c.pendingPos);
        assertEquals(-1, b.pendingPos);
    }

    @Test
    void clearOfALargeListResetsEveryPosition() {
        PendingList list = new PendingList();
        List<InstanceState> pool = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            pool.add(pending(i));
            list.add(pool.get(i));
        }
        list.clear();
        check(list, new LinkedHashSet<>(), pool);
        list.add(pool.get(7));
        assertEquals(0, pool.get(7).pendingPos);
    }

    // ---- the model property ------------------------------------------------------------------------

    enum Kind { ADD, REMOVE, ADD_RANGE, REMOVE_RANGE, CLEAR, SORT }

    record Op(Kind kind, int a, int b) {
        @Override public String toString() { return kind + "(" + a + ", " + b + ")"; }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(10, Kind.ADD), Tuple.of(8, Kind.REMOVE), Tuple.of(3, Kind.ADD_RANGE),
                Tuple.of(3, Kind.REMOVE_RANGE), Tuple.of(1, Kind.CLEAR), Tuple.of(2, Kind.SORT));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 1 << 20))
                .as(Op::new).list().ofMaxSize(80);
    }

    @Property(tries = 200)
    void agreesWithALinkedHashSet(@ForAll @IntRange(min = 1, max = 3000) int poolSize, @ForAll("ops") List<Op> ops) {
        List<InstanceState> pool = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) pool.add(pending(i * 7919L % 50)); // few distinct seqs: sort meets ties
        PendingList list = new PendingList();
        LinkedHashSet<InstanceState> model = new LinkedHashSet<>();
        for (Op op : ops) {
            int k = op.a() % poolSize;
            switch (op.kind()) {
                case ADD -> {
                    list.add(pool.get(k));
                    model.add(pool.get(k));
                }
                case REMOVE -> {
                    list.remove(pool.get(k));
                    model.remove(pool.get(k));
                }
                case ADD_RANGE -> {
                    for (int i = 0, n = op.b() % 1500; i < n; i++) {
                        InstanceState s = pool.get((k + i) % poolSize);
                        list.add(s);
                        model.add(s);
                    }
                }
                case REMOVE_RANGE -> {
                    int step = 1 + op.b() % 4;
                    for (int i = 0, n = op.b() % 1500; i < n; i++) {
                        InstanceState s = pool.get((k + i * step) % poolSize);
                        list.remove(s);
                        model.remove(s);
                    }
                }
                case CLEAR -> {
                    list.clear();
                    model.clear();
                }
                case SORT -> {
                    list.sort(BY_SEQ);
                    List<InstanceState> sorted = new ArrayList<>(model);
                    sorted.sort(BY_SEQ); // stable, as Arrays.sort of objects is
                    model.clear();
                    model.addAll(sorted);
                }
            }
            check(list, model, pool);
        }
    }
}
