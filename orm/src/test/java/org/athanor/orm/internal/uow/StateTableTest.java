package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.IdKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.athanor.orm.model.Enrollment;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * The identity map's open-addressing table against a {@code HashMap} model, with keys whose hash codes
 * are equal (so probe runs are long, overlap and wrap around) and enough keys and removals to grow the
 * table and exercise backward-shift deletion.
 */
class StateTableTest {
    static final Mapper USER = Mapper.configure(java.util.List.of(User.class)).get(User.class);
    static final Mapper ENROLLMENT = Mapper.configure(java.util.List.of(Enrollment.class)).get(Enrollment.class);

    /**
     * The id values of pool key {@code k}: four families, two of which are groups of keys with equal
     * hash codes (Long ids {@code (b << 32) | (b ^ c)} all hash to {@code c}; strings made of "Aa" and
     * "BB" blocks of one length all hash alike).
     */
    static Object[] idValues(int k) {
        int b = k / 4 + 1;
        return switch (k % 4) {
            case 0 -> new Object[] {(long) k};
            case 1 -> {
                int c = (k / 4 % 8) * 977; // eight hash values, each shared by many keys
                yield new Object[] {((long) b << 32) | ((b ^ c) & 0xFFFFFFFFL)};
            }
            case 2 -> new Object[] {3L, collidingString(k / 4)};
            default -> new Object[] {(long) k, "c" + k};
        };
    }

    static Mapper entityOf(int k) { return k % 4 < 2 ? USER : ENROLLMENT; }

    /** 12 blocks of "Aa" or "BB" chosen by the bits of {@code n}: every result has the same hash code. */
    static String collidingString(int n) {
        StringBuilder sb = new StringBuilder();
        for (int bit = 0; bit < 12; bit++) sb.append((n >> bit & 1) == 0 ? "Aa" : "BB");
        return sb.toString();
    }

    /** Pool key {@code k}, made from a row (ids at their attribute positions) or from id values. */
    static IdKey key(int k, boolean fromRow) {
        Mapper info = entityOf(k);
        Object[] ids = idValues(k);
        if (!fromRow) return IdKey.ofIds(info, ids);
        Object[] row = new Object[info.attrs.length];
        Collections.nCopies(row.length, "other").toArray(row);
        for (int j = 0; j < ids.length; j++) row[info.idIdx[j]] = ids[j];
        return IdKey.ofRow(info, row);
    }

    static InstanceState state(IdKey key) {
        InstanceState s = new InstanceState(new Object(), key.base);
        s.status = InstanceState.Status.PERSISTENT;
        s.setKey(key);
        return s;
    }

    @Test
    void poolKeysCollideAsIntended() {
        assertEquals(key(1, true).hashCode(), key(33, false).hashCode(), "same Long hash group");
        assertFalse(key(1, true).equals(key(33, true)));
        assertEquals(key(2, true).hashCode(), key(6, true).hashCode(), "same String hash group");
        assertFalse(key(2, true).equals(key(6, true)));
        assertEquals(key(7, true), key(7, false));
    }

    // ---- examples ----------------------------------------------------------------------------------

    @Test
    void appendThenPutOfAnEqualKeyEndsWithThePutState() {
        StateTable t = new StateTable();
        InstanceState appended = state(key(5, true));
        InstanceState put = state(key(5, false));
        t.append(appended);
        assertSame(appended, t.put(put), "put settles the appended state and replaces it");
        assertSame(put, t.get(key(5, true)));
        assertEquals(1, t.size());
        assertEquals(1, t.toArray().length);
    }

    @Test
    void twoAppendsOfEqualKeysEndWithTheLaterOne() {
        StateTable t = new StateTable();
        InstanceState first = state(key(9, true));
        InstanceState later = state(key(9, false));
        t.append(first);
        t.append(later);
        assertEquals(1, t.size(), "appended states with equal keys count once");
        assertSame(later, t.get(key(9, true)));
        assertFalse(t.remove(first), "the earlier appended state was replaced, so it is not held");
        assertTrue(t.remove(later));
        assertTrue(t.isEmpty());
    }

    @Test
    void appendOverAHeldKeyIsCountedOnce() {
        StateTable t = new StateTable();
        InstanceState held = state(key(4, true));
        t.put(held);
        InstanceState appended = state(key(4, false));
        t.append(appended);
        assertEquals(1, t.size());
        assertSame(appended, t.toArray()[0]);
    }

    @Test
    void removeTakesOnlyTheHeldStateNotOneWithAnEqualKey() {
        StateTable t = new StateTable();
        InstanceState held = state(key(1, true));
        InstanceState twin = state(key(1, false));
        t.put(held);
        assertFalse(t.remove(twin), "an equal key held by another state");
        assertSame(held, t.get(twin.key()));
        InstanceState keyless = new InstanceState(new Object(), USER);
        assertFalse(t.remove(keyless), "a pending state (no key) is never held");
        assertTrue(t.remove(held));
        assertFalse(t.remove(held), "already removed");
        assertNull(t.get(twin.key()));
        assertNull(t.removeKey(twin.key()));
    }

    @Test
    void backwardShiftKeepsEveryKeyOfACollidingRunReachable() {
        // keys 1, 33, 65, ...: one hash value, so one probe run holding all of them
        StateTable t = new StateTable();
        List<InstanceState> run = new ArrayList<>();
        for (int k = 1; k < 32 * 40; k += 32) {
            InstanceState s = state(key(k, k % 3 == 0));
            run.add(s);
            assertNull(t.put(s));
        }
        for (int i = 0; i < run.size(); i += 3) assertTrue(t.remove(run.get(i)), "remove " + run.get(i));
        for (int i = 0; i < run.size(); i++) {
            InstanceState expected = i % 3 == 0 ? null : run.get(i);
            assertSame(expected, t.get(key(1 + 32 * i, i % 2 == 0)), "key " + (1 + 32 * i));
        }
        assertEquals(run.size() - (run.size() + 2) / 3, t.size());
    }

    @Test
    void clearOfALargeTableShrinksAndKeepsWorking() {
        StateTable t = new StateTable();
        for (int k = 0; k < 3000; k++) t.put(state(key(k, true)));
        for (int k = 3000; k < 5000; k++) t.append(state(key(k, true)));
        assertEquals(5000, t.size());
        t.clear();
        assertTrue(t.isEmpty());
        assertEquals(0, t.toArray().length);
        assertNull(t.get(key(10, false)));
        InstanceState s = state(key(10, false));
        t.append(s);
        assertSame(s, t.get(key(10, true)));
    }

    @Test
    void toArrayIsACopyTheCallerMayRemoveThrough() {
        StateTable t = new StateTable();
        for (int k = 0; k < 200; k++) t.put(state(key(k, false)));
        for (InstanceState s : t.toArray()) assertTrue(t.remove(s));
        assertTrue(t.isEmpty());
    }

    // ---- the model property ------------------------------------------------------------------------

    enum Kind { PUT, APPEND, GET, REMOVE_HELD, REMOVE_HISTORY, REMOVE_KEY, PUT_RANGE, REMOVE_RANGE, CLEAR, CHECK, HALVE_VIA_TO_ARRAY }

    record Op(Kind kind, int a, int b) {
        @Override public String toString() { return kind + "(" + a + ", " + b + ")"; }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(12, Kind.PUT), Tuple.of(12, Kind.APPEND), Tuple.of(6, Kind.GET),
                Tuple.of(6, Kind.REMOVE_HELD), Tuple.of(4, Kind.REMOVE_HISTORY), Tuple.of(5, Kind.REMOVE_KEY),
                Tuple.of(2, Kind.PUT_RANGE), Tuple.of(2, Kind.REMOVE_RANGE), Tuple.of(1, Kind.CLEAR),
                Tuple.of(5, Kind.CHECK), Tuple.of(1, Kind.HALVE_VIA_TO_ARRAY));
        Arbitrary<Op> op = Combinators.combine(kinds, Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 1 << 20)).as(Op::new);
        return op.list().ofMaxSize(120);
    }

    @Property(tries = 300)
    void agreesWithAHashMap(@ForAll @IntRange(min = 1, max = 3000) int poolSize, @ForAll("ops") List<Op> ops) {
        StateTable t = new StateTable();
        Map<IdKey, InstanceState> model = new HashMap<>();
        List<InstanceState> history = new ArrayList<>();
        for (Op op : ops) {
            int k = op.a() % poolSize;
            boolean fromRow = (op.b() & 1) == 0;
            switch (op.kind()) {
                case PUT -> {
                    InstanceState s = state(key(k, fromRow));
                    history.add(s);
                    assertSame(model.put(s.key(), s), t.put(s), op + ": the replaced state");
                }
                case APPEND -> {
                    InstanceState s = state(key(k, fromRow));
                    history.add(s);
                    t.append(s);
                    model.put(s.key(), s);
                }
                case GET -> assertSame(model.get(key(k, fromRow)), t.get(key(k, fromRow)), op.toString());
                case REMOVE_HELD -> {
                    InstanceState s = model.get(key(k, fromRow));
                    if (s == null) s = state(key(k, fromRow));
                    boolean held = model.get(s.key()) == s;
                    assertEquals(held, t.remove(s), op + ": remove " + s);
                    if (held) model.remove(s.key());
                }
                case REMOVE_HISTORY -> {
                    if (history.isEmpty()) continue;
                    InstanceState s = history.get(op.b() % history.size());
                    boolean held = model.get(s.key()) == s;
                    assertEquals(held, t.remove(s), op + ": remove " + s + (held ? " (held)" : " (not held)"));
                    if (held) model.remove(s.key());
                }
                case REMOVE_KEY -> assertSame(model.remove(key(k, fromRow)), t.removeKey(key(k, fromRow)), op.toString());
                case PUT_RANGE -> {
                    for (int i = 0, n = op.b() % 700; i < n; i++) {
                        InstanceState s = state(key((k + i) % poolSize, (i & 1) == 0));
                        if ((i % 3) == 0) assertSame(model.put(s.key(), s), t.put(s));
                        else {
                            t.append(s);
                            model.put(s.key(), s);
                        }
                    }
                }
                case REMOVE_RANGE -> {
                    int step = 1 + op.b() % 3;
                    for (int i = 0, n = op.b() % 500; i < n; i++) {
                        IdKey key = key((k + i * step) % poolSize, (i & 1) == 0);
                        assertSame(model.remove(key), t.removeKey(key));
                    }
                }
                case CLEAR -> {
                    t.clear();
                    model.clear();
                }
                case CHECK -> check(t, model, poolSize);
                case HALVE_VIA_TO_ARRAY -> {
                    InstanceState[] all = t.toArray();
                    for (int i = 0; i < all.length; i += 2) {
                        assertTrue(t.remove(all[i]), "removing while going through toArray()");
                        model.remove(all[i].key());
                    }
                }
            }
        }
        check(t, model, poolSize);
    }

    private static void check(StateTable t, Map<IdKey, InstanceState> model, int poolSize) {
        assertEquals(model.size(), t.size(), "size()");
        assertEquals(model.isEmpty(), t.isEmpty(), "isEmpty()");
        InstanceState[] all = t.toArray();
        assertEquals(model.size(), all.length, "toArray() length");
        Set<InstanceState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (InstanceState s : all) {
            assertSame(model.get(s.key()), s, "toArray() holds " + s + " which the model does not");
            assertTrue(seen.add(s), "toArray() holds " + s + " twice");
        }
        List<InstanceState> visited = new ArrayList<>();
        t.forEach(visited::add);
        assertEquals(List.of(all), visited, "forEach visits what toArray returns, in the same order");
        for (Map.Entry<IdKey, InstanceState> e : model.entrySet()) assertSame(e.getValue(), t.get(e.getKey()), "get " + e.getKey());
        for (int k = 0; k < Math.min(poolSize, 64); k++) assertSame(model.get(key(k, true)), t.get(key(k, false)), "get pool key " + k);
    }
}
