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

    /** Several collections, each followed by a batch (which moves the batches the collection passed into the table). */
    private static void collectAndAddBatches(Tracking.WeakIdentitySet set, int rounds) throws InterruptedException {
        for (int round = 0; round < rounds; round++) {
            System.gc();
            Thread.sleep(5);
            Object[] garbage = new Object[1000];
            for (int i = 0; i < garbage.length; i++) garbage[i] = new AllEqual();
            set.addAll(garbage, garbage.length);
            set.add(new AllEqual());
        }
    }

    @Test
    void aStronglyHeldObjectStaysThroughCollectionsAndLaterBatches() throws InterruptedException {
        Tracking.WeakIdentitySet set = new Tracking.WeakIdentitySet();
        Object kept = new AllEqual();
        set.add(kept);
        Object[] keptBatch = {new AllEqual(), new AllEqual(), new AllEqual()};
        set.addAll(keptBatch, 2); // only the first two count
        collectAndAddBatches(set, 4); // no lookup in between: only collections move the batches
        assertTrue(set.contains(kept), "a live object added alone");
        assertTrue(set.contains(keptBatch[0]) && set.contains(keptBatch[1]), "live objects of a batch");
        assertFalse(set.contains(keptBatch[2]), "past the counted length of its batch");
        assertFalse(set.contains(new AllEqual()), "an equal object never added");
        collectAndAddBatches(set, 3);
        assertTrue(set.contains(kept), "still there after more collections and batches");
        assertTrue(set.contains(keptBatch[0]) && set.contains(keptBatch[1]));
    }

    @Test
    void removeDropsAnObjectWhetherStillInABatchOrAlreadyInTheTable() throws InterruptedException {
        Tracking.WeakIdentitySet set = new Tracking.WeakIdentitySet();
        Object[] objs = new Object[50];
        for (int i = 0; i < objs.length; i++) objs[i] = new AllEqual();
        set.addAll(objs, objs.length);
        set.remove(objs[3]); // its batch is most likely still waiting: the removal moves it in
        assertFalse(set.contains(objs[3]));
        Object kept = new AllEqual();
        set.add(kept);
        collectAndAddBatches(set, 3);
        set.remove(kept);
        set.remove(objs[4]);
        assertFalse(set.contains(kept));
        assertFalse(set.contains(objs[4]));
        collectAndAddBatches(set, 2);
        assertFalse(set.contains(kept), "a removed object does not come back with later batches");
        for (int i = 0; i < objs.length; i++)
            if (i != 3 && i != 4) assertTrue(set.contains(objs[i]), "object " + i + " was not removed");
    }
}
