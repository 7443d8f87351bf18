package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detached-object set: identity semantics, batches, removal, and entries for collected objects. */
class WeakIdentitySetTest {
    /** Equal to every other instance: the set must still tell them apart. */
    private static final class AllEqual {
        @Override public boolean equals(Object o) { return o instanceof AllEqual; }
        @Override public int hashCode() { return 1; }
    }

    @Test
    void comparesByIdentityAcrossBatchesAndGrowth() {
        Tracking.WeakIdentitySet set = new Tracking.WeakIdentitySet();
        List<Object> in = new ArrayList<>();
        for (int i = 0; i < 5000; i++) in.add(new AllEqual());
        set.addAll(in.toArray(), 3000);
        set.add(in.get(3000));
        assertTrue(set.contains(in.get(0)));
        assertTrue(set.contains(in.get(2999)));
        assertTrue(set.contains(in.get(3000)));
        assertFalse(set.contains(in.get(3001)), "an equal but different object is not in the set");
        // more batches after the log was indexed, with a duplicate
        set.addAll(in.subList(3001, 5000).toArray(), 1999);
        set.add(in.get(10));
        for (Object o : in) assertTrue(set.contains(o));
        set.remove(in.get(10));
        assertFalse(set.contains(in.get(10)), "remove drops every copy of a duplicated entry");
        assertTrue(set.contains(in.get(11)));
        set.remove(new AllEqual());
        assertTrue(set.contains(in.get(11)), "removing an equal but different object removes nothing");
        // removal of something still only in the log
        Object late = new AllEqual();
        set.add(late);
        set.remove(late);
        assertFalse(set.contains(late));
        set.add(late);
        assertTrue(set.contains(late), "added again after removal");
    }

    @Test
    void liveObjectSurvivesPurgesOfCollectedOnes() throws InterruptedException {
        Tracking.WeakIdentitySet set = new Tracking.WeakIdentitySet();
        Object kept = new Object();
        set.add(kept);
        WeakReference<Object> probe = null;
        for (int round = 0; round < 200; round++) {
            Object[] batch = new Object[10_000];
            for (int i = 0; i < batch.length; i++) batch[i] = new Object();
            if (round == 0) probe = new WeakReference<>(batch[0]);
            set.addAll(batch, batch.length);
            if (round % 50 == 0) assertTrue(set.contains(batch[9_999]));
        }
        for (int i = 0; i < 20 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        set.addAll(new Object[] {new Object()}, 1);
        assertTrue(set.contains(kept), "a live object stays in the set while collected ones are dropped");
    }
}
