package org.athanor.orm.internal.loading;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Mapper's kept joined-load plans ({@link JoinedPlan}), one per option shape: enough for every shape a program
 * writes, bounded at {@link #LIMIT} (past it, plans are built per call). A copy-on-write array: a load scans the few
 * kept plans (no key to build or hash) and adds a new one with a compare-and-set, so loads on several threads share
 * them without a lock. Per Mapper (one per SessionFactory's Registry), never process-global.
 */
public final class JoinedPlans {
    static final int LIMIT = 64;

    private static final JoinedPlan[] NONE = {};

    private final AtomicReference<JoinedPlan[]> kept = new AtomicReference<>(NONE);

    /** The kept plan for {@code options} with {@code extra} trailing columns, or null. */
    JoinedPlan find(List<LoadSpec> options, int extra) {
        for (JoinedPlan p : kept.get()) if (p.extra == extra && JoinedPlan.sameShape(p.root, options)) return p;
        return null;
    }

    /** Keeps {@code plan} while fewer than {@link #LIMIT} are kept. */
    void add(JoinedPlan plan) {
        JoinedPlan[] now = kept.get();
        while (now.length < LIMIT) {
            JoinedPlan[] more = Arrays.copyOf(now, now.length + 1);
            more[now.length] = plan;
            if (kept.compareAndSet(now, more)) return;
            now = kept.get(); // another load added one meanwhile (perhaps this shape: a duplicate is harmless)
        }
    }

    /** The kept plans, oldest first (for tests and inspection: the elements are opaque here). */
    public List<Object> kept() { return List.of((Object[]) kept.get()); }

    /** Forgets every kept plan (a test's fresh start); loads build and keep them again. */
    public void clear() { kept.set(NONE); }
}
