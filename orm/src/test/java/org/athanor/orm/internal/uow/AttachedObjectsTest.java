package org.athanor.orm.internal.uow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * The attached objects: walked in attach order whatever mix of indexed (added) and deferred (loaded) attaches, detaches
 * and lookups came before (the walk went in identity-hash order, so what the flush reached through it was inserted in
 * a different order each run), and found by identity until detached.
 */
class AttachedObjectsTest {
    static final Mapper USER = Mapper.configure(List.of(User.class)).get(User.class);

    private static List<InstanceState> walk(AttachedObjects a) {
        List<InstanceState> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    /**
     * Each op (its value mod 20): 0-5 attach deferred (a load's rows), 6-8 attach indexed (an add), 9-15 detach the live
     * state at a position picked by the op's high part (often enough for the log to be compacted), 16-19 look one up, and
     * one op in 200 releases all; the walk and the lookups must agree with a plain list.
     */
    @Property(tries = 200)
    void walksInAttachOrderAndFindsTheAttached(@ForAll @Size(max = 800) List<@IntRange(max = 99_999) Integer> ops) {
        AttachedObjects a = new AttachedObjects();
        List<InstanceState> live = new ArrayList<>(), gone = new ArrayList<>();
        for (int op : ops) {
            int kind = op % 20, pick = op / 20;
            if (op % 200 == 199) {
                a.releaseAll(false);
                gone.addAll(live);
                live.clear();
            } else if (kind <= 8) {
                InstanceState s = new InstanceState(new Object(), USER);
                a.attach(s, s.obj, kind >= 6);
                live.add(s);
            } else if (kind <= 15) {
                if (live.isEmpty()) continue;
                InstanceState s = live.remove(pick % live.size());
                a.unattach(s);
                gone.add(s);
            } else {
                if (!live.isEmpty()) {
                    InstanceState s = live.get(pick % live.size());
                    assertSame(s, a.get(s.obj));
                }
                if (!gone.isEmpty()) assertNull(a.get(gone.get(pick % gone.size()).obj));
            }
            assertEquals(live.size(), a.count());
            if (kind == 15) assertInOrder(live, a);
        }
        assertInOrder(live, a);
        for (InstanceState s : live) assertSame(s, a.get(s.obj));
        for (InstanceState s : gone) assertNull(a.get(s.obj));
        assertInOrder(live, a);
    }

    private static void assertInOrder(List<InstanceState> expected, AttachedObjects a) {
        List<InstanceState> got = walk(a);
        assertEquals(expected.size(), got.size(), "attached states walked");
        for (int i = 0; i < got.size(); i++) assertSame(expected.get(i), got.get(i), "state " + i + " of the walk");
    }

    /** Indexed attaches after deferred ones (an add after a load), then lookups: the walk stays in attach order. */
    @Test
    void aLookupDoesNotReorderTheWalk() {
        AttachedObjects a = new AttachedObjects();
        List<InstanceState> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            InstanceState s = new InstanceState(new Object(), USER);
            a.attach(s, s.obj, i % 3 == 0);
            all.add(s);
        }
        for (InstanceState s : all) assertSame(s, a.get(s.obj));
        assertInOrder(all, a);
        List<InstanceState> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) // two thirds detached: the log is compacted on the way
            if (i % 3 == 1) kept.add(all.get(i));
            else a.unattach(all.get(i));
        assertInOrder(kept, a);
        for (InstanceState s : kept) assertSame(s, a.get(s.obj));
    }
}
