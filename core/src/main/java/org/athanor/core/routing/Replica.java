package org.athanor.core.routing;

import org.athanor.core.engine.Engine;

/**
 * One replica of a {@link RoutingEngine} and what the router knows about it: since when it may be
 * tried again after a failure, and whether its last lag check found it too far behind. Per routing
 * engine (no shared state between routers); fields are volatile, written by whichever thread saw
 * the failure or ran the check.
 */
final class Replica {
    final Engine engine;
    /** Its share of reads relative to the other targets (at least 1). */
    final int weight;
    /** True for the primary taking reads as a weighted target: never lag-checked. */
    final boolean primary;
    /** The router's ticker time (System.nanoTime() by default) before which the replica is not tried (it failed); 0 when it is up. */
    volatile long downUntil;
    /** Why it was marked down, for the error when nothing is usable. */
    volatile String downReason;
    /** The router's ticker time of the last lag check; 0 before the first. */
    volatile long lagCheckedAt;
    /** Whether the last lag check found it behind by more than the maximum (until the next check). */
    volatile boolean lagging;
    volatile String lagReason;

    Replica(Engine engine, int weight, boolean primary) {
        this.engine = engine;
        this.weight = weight;
        this.primary = primary;
    }

    boolean down(long now) { return downUntil != 0 && now - downUntil < 0; }

    void markDown(long now, long backoffNanos, String why) {
        downReason = why;
        downUntil = now + backoffNanos;
        if (downUntil == 0) downUntil = 1; // 0 means "up"
    }

    void markUp() { downUntil = 0; downReason = null; }
}
