package org.athanor.core.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.AthanorException;
import org.athanor.core.error.ConfigurationError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.sql.CompoundSelect;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Statement;
import org.athanor.core.sql.WithQuery;

/**
 * One primary and any number of read replicas (streaming standbys) behind one object, the
 * client-side routing of SQLAlchemy's {@code Session.get_bind} recipe. The routing only decides
 * which {@link Engine} lends a connection; statements then run on that engine's ordinary
 * {@link Connection}, unchanged.
 *
 * <ul>
 * <li>{@link #connect()} (a transaction that may write), {@link #fromTransaction}, and every
 *     {@link #connectFor statement} that writes or locks ({@code FOR UPDATE}/{@code FOR SHARE}) use
 *     the primary.</li>
 * <li>{@link #connectForRead()} and {@link #fromRead} use a replica, chosen round robin or least busy
 *     ({@link Balance}); {@link ReadFrom#PRIMARY} reads from the primary (read-your-writes).</li>
 * <li>A replica whose connection fails is skipped for {@link Builder#retryDownAfter} and then tried
 *     again; with {@link Builder#maxLag}, one found further behind than that is skipped until its next
 *     lag check. When no replica is usable the read goes to the primary
 *     ({@link Builder#fallbackToPrimary}, on by default) or fails naming each replica and why.</li>
 * </ul>
 * The ORM's Session routes through one of these transparently: its reads go to a replica until it
 * flushes, then it sticks to the primary until commit (see {@code SessionFactory.of(RoutingEngine, Registry)}).
 * <pre>{@code
 * Engine primary = Engine.create("postgresql://app@db1/app");
 * Engine standby = Engine.create("postgresql://app@db2/app", EngineOptions.defaults().prePing(true));
 * try (RoutingEngine db = RoutingEngine.builder(primary).replica(standby).build()) {
 *     db.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "Ann")));      // primary
 *     long n = db.fromRead(c -> c.scalar(select(count()).from(USERS)));             // standby
 *     long mine = db.fromRead(ReadFrom.PRIMARY, c -> c.scalar(select(count()).from(USERS)));
 * }
 * }</pre>
 */
public final class RoutingEngine implements AutoCloseable {
    /** How a read picks among the usable replicas. */
    public enum Balance {
        /** Each read takes the next replica in turn. */
        ROUND_ROBIN,
        /** The replica with the fewest connections checked out through its engine ({@link Engine#connectionsInUse()}); ties in turn. */
        LEAST_BUSY
    }

    /** Where a read goes. */
    public enum ReadFrom {
        /** A usable replica (the primary when none is and fallback is on). */
        REPLICA,
        /** The primary: reads that must see this application's own recent writes. */
        PRIMARY
    }

    /** What the router knows about one replica now. */
    public record ReplicaStatus(Engine engine, boolean usable, String reason) {}

    private final Engine primary;
    private final Replica[] replicas;
    /** What reads choose from: the replicas, and the primary when it has a read weight. */
    private final Replica[] targets;
    /** Target indexes in turn, each as often as its weight, spread out (smooth weighted round robin). */
    private final int[] schedule;
    private final Balance balance;
    private final boolean fallbackToPrimary;
    private final long retryDownNanos;
    private final Duration maxLag;
    private final ReplicationLag lagProbe;
    private final long lagCheckNanos;
    /** The time back-offs and lag-check intervals are measured in (System.nanoTime unless the builder was given a ticker). */
    private final LongSupplier ticker;
    private final AtomicInteger turn = new AtomicInteger();

    private RoutingEngine(Builder b) {
        this.primary = b.primary;
        this.replicas = new Replica[b.replicas.size()];
        for (int i = 0; i < replicas.length; i++) replicas[i] = new Replica(b.replicas.get(i), b.weights.get(i), false);
        if (b.primaryReadWeight > 0) {
            targets = java.util.Arrays.copyOf(replicas, replicas.length + 1);
            targets[replicas.length] = new Replica(primary, b.primaryReadWeight, true);
        } else {
            targets = replicas;
        }
        this.schedule = schedule(targets);
        this.balance = b.balance;
        this.fallbackToPrimary = b.fallbackToPrimary;
        this.retryDownNanos = b.retryDownAfter.toNanos();
        this.maxLag = b.maxLag;
        this.lagProbe = b.lagProbe;
        this.lagCheckNanos = b.lagCheckEvery.toNanos();
        this.ticker = b.ticker;
    }

    /** A router over {@code primary} alone: every read and write goes to it (what a Session over a plain Engine uses). */
    public static RoutingEngine of(Engine primary) { return builder(primary).build(); }

    public static Builder builder(Engine primary) { return new Builder(primary); }

    public Engine primary() { return primary; }

    /** The replicas' engines, in the order they were given. */
    public List<Engine> replicaEngines() {
        List<Engine> out = new ArrayList<>(replicas.length);
        for (Replica r : replicas) out.add(r.engine);
        return out;
    }

    /** Whether each replica would be tried by a read now, and if not, why. */
    public List<ReplicaStatus> replicaStatus() {
        long now = ticker.getAsLong();
        List<ReplicaStatus> out = new ArrayList<>(replicas.length);
        for (Replica r : replicas) {
            String why = unusable(r, now);
            out.add(new ReplicaStatus(r.engine, why == null, why));
        }
        return out;
    }

    // ---- writes --------------------------------------------------------------------------------------

    /** A connection to the primary with a transaction open: for writes, locks and reads that must be current. */
    public Connection connect() { return primary.connect(); }

    /** {@link Engine#fromTransaction} on the primary. */
    public <T> T fromTransaction(Function<Connection, T> work) { return primary.fromTransaction(work); }

    /** {@link Engine#inTransaction} on the primary. */
    public void inTransaction(Consumer<Connection> work) { primary.inTransaction(work); }

    // ---- reads ---------------------------------------------------------------------------------------

    /** A connection for reads: to a usable replica, else the primary (or an error, see {@link Builder#fallbackToPrimary}). */
    public Connection connectForRead() { return connectForRead(ReadFrom.REPLICA); }

    public Connection connectForRead(ReadFrom from) {
        Objects.requireNonNull(from, "from");
        if (from == ReadFrom.PRIMARY || targets.length == 0) return primary.connect();
        long now = ticker.getAsLong();
        int start = Math.floorMod(turn.getAndIncrement(), schedule.length);
        boolean[] tried = new boolean[targets.length];
        for (int attempt = 0; attempt < targets.length; attempt++) {
            int pick = pick(start, tried, now);
            if (pick < 0) break;
            tried[pick] = true;
            Connection c = open(targets[pick], now);
            if (c != null) return c;
        }
        if (fallbackToPrimary) return primary.connect();
        throw noReplica(now);
    }

    /** A connection for {@code statement}: the primary when it writes or locks rows ({@link #writes}), else one for reads. */
    public Connection connectFor(Statement statement) {
        return writes(statement) ? primary.connect() : connectForRead();
    }

    /**
     * Runs read-only {@code work} on a replica and returns its value. When the replica's connection
     * is lost under it (the standby stopped, a network cut), the replica is marked down and the work
     * runs again on the next choice, so the caller sees no error: {@code work} must only read.
     */
    public <T> T fromRead(Function<Connection, T> work) { return fromRead(ReadFrom.REPLICA, work); }

    public <T> T fromRead(ReadFrom from, Function<Connection, T> work) {
        Objects.requireNonNull(work, "work");
        for (int attempt = 0; ; attempt++) {
            Connection c = connectForRead(from);
            Engine used = c.engine();
            try (c) {
                T value = work.apply(c);
                c.rollback(); // it only read: nothing to commit
                return value;
            } catch (DisconnectionError e) {
                Replica r = replicaFor(used);
                if (r == null || attempt >= targets.length) throw e;
                r.markDown(ticker.getAsLong(), retryDownNanos, e.getMessage());
            }
        }
    }

    /**
     * Whether {@code statement} must run on the primary: everything but a plain query does (DML,
     * DDL, text), and so does a query that locks rows ({@code FOR UPDATE}, {@code FOR SHARE}) or a
     * WITH query whose CTEs are not all queries.
     */
    public static boolean writes(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        if (statement instanceof Select<?> s) return s.lock() != null;
        if (statement instanceof CompoundSelect<?> cs) {
            for (Query<?> m : cs.members()) if (writes(m)) return true;
            return false;
        }
        if (statement instanceof WithQuery<?> w) {
            for (Cte cte : w.ctes()) if (writes(cte.query())) return true;
            return writes(w.body());
        }
        return true;
    }

    // ---- choosing ------------------------------------------------------------------------------------

    /** The next target to try among those not tried yet (from schedule position {@code start}), or -1 when none is usable. */
    private int pick(int start, boolean[] tried, long now) {
        int n = schedule.length;
        int best = -1;
        double bestBusy = Double.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            int i = schedule[(start + k) % n];
            if (tried[i] || unusable(targets[i], now) != null) continue;
            if (balance == Balance.ROUND_ROBIN) return i;
            double busy = targets[i].engine.connectionsInUse() / (double) targets[i].weight;
            if (busy < bestBusy) {
                best = i;
                bestBusy = busy;
            }
        }
        return best;
    }

    /**
     * Smooth weighted round robin (nginx's): each turn every target gains its weight, the one with
     * the most credit is taken and pays the total; weights 1 and 3 give a b b a b b ..., not a a b b b.
     */
    private static int[] schedule(Replica[] targets) {
        int total = 0;
        for (Replica r : targets) total += r.weight;
        int[] out = new int[Math.max(total, 1)];
        int[] credit = new int[targets.length];
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int i = 0; i < targets.length; i++) {
                credit[i] += targets[i].weight;
                if (credit[i] > credit[best]) best = i;
            }
            credit[best] -= total;
            out[slot] = best;
        }
        return out;
    }

    /** Why {@code r} is skipped now, or null when it may be tried. */
    private String unusable(Replica r, long now) {
        if (r.engine.isClosed()) return "its engine is closed";
        if (r.down(now)) return "down: " + r.downReason;
        if (r.lagging && !lagCheckDue(r, now)) return "lagging: " + r.lagReason;
        return null;
    }

    private boolean lagCheckDue(Replica r, long now) { return r.lagCheckedAt == 0 || now - r.lagCheckedAt >= lagCheckNanos; }

    /** A connection to {@code r}, or null (and {@code r} marked) when it fails to connect or lags too far. */
    private Connection open(Replica r, long now) {
        Connection c;
        try {
            c = r.engine.connect();
        } catch (AthanorException e) {
            r.markDown(now, retryDownNanos, e.getMessage());
            return null;
        }
        if (maxLag == null || r.primary || !lagCheckDue(r, now)) {
            r.markUp();
            return c;
        }
        Duration lag;
        try {
            lag = lagProbe.lag(c);
        } catch (RuntimeException e) {
            c.close();
            r.markDown(now, retryDownNanos, "its lag check failed: " + e.getMessage());
            return null;
        }
        r.lagCheckedAt = now == 0 ? 1 : now;
        r.markUp();
        if (lag.compareTo(maxLag) > 0) {
            r.lagReason = "behind by " + lag.toMillis() + " ms, over the maximum of " + maxLag.toMillis() + " ms";
            r.lagging = true;
            c.close();
            return null;
        }
        r.lagging = false;
        return c;
    }

    /** The replica whose engine is {@code e}, or null (the primary). */
    private Replica replicaFor(Engine e) {
        for (Replica r : targets) if (r.engine == e && !r.primary) return r;
        return null;
    }

    private AthanorException noReplica(long now) {
        StringBuilder sb = new StringBuilder("no replica is usable and fallbackToPrimary is off:");
        for (Replica r : replicas) sb.append(' ').append(r.engine).append(" (").append(unusable(r, now)).append(')').append(';');
        sb.setLength(sb.length() - 1);
        return new ReplicaUnavailableError(sb.append(". Turn fallbackToPrimary on, or read from the primary with ReadFrom.PRIMARY").toString());
    }

    /** Closes the primary's and every replica's engine. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Replica r : replicas) {
            try {
                r.engine.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        primary.close();
        if (first != null) throw first;
    }

    @Override public String toString() { return "RoutingEngine(primary " + primary + ", replicas " + replicaEngines() + ")"; }

    /** Builds a {@link RoutingEngine}; validates its settings when built. */
    public static final class Builder {
        private final Engine primary;
        private final List<Engine> replicas = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private int primaryReadWeight;
        private Balance balance = Balance.ROUND_ROBIN;
        private boolean fallbackToPrimary = true;
        private Duration retryDownAfter = Duration.ofSeconds(5);
        private Duration maxLag;
        private ReplicationLag lagProbe;
        private Duration lagCheckEvery = Duration.ofSeconds(1);
        private LongSupplier ticker = System::nanoTime;

        private Builder(Engine primary) { this.primary = Objects.requireNonNull(primary, "primary"); }

        /** Adds a replica (an Engine on a streaming standby of the primary). Give it a short connectionTimeout and prePing. */
        public Builder replica(Engine replica) { return replica(replica, 1); }

        /**
         * Adds a replica that takes {@code weight} reads for every one a weight-1 target takes (round
         * robin), or {@code weight} times the connections (least busy).
         */
        public Builder replica(Engine replica, int weight) {
            Objects.requireNonNull(replica, "replica");
            if (replica == primary || replicas.contains(replica))
                throw new ConfigurationError("replica " + replica + " is given twice (or is the primary): give each engine once");
            if (weight < 1) throw new ConfigurationError("a replica's weight must be at least 1, got " + weight + " for " + replica);
            replicas.add(replica);
            weights.add(weight);
            return this;
        }

        /**
         * Lets the primary take reads too, {@code weight} for every one a weight-1 replica takes
         * (default 0: reads go to the primary only as the fallback). With primary weight 1 and one
         * replica of weight 3, a quarter of the reads go to the primary.
         */
        public Builder primaryReadWeight(int weight) {
            if (weight < 0) throw new ConfigurationError("primaryReadWeight must be 0 (no reads) or more, got " + weight);
            this.primaryReadWeight = weight;
            return this;
        }

        public Builder balance(Balance balance) {
            this.balance = Objects.requireNonNull(balance, "balance");
            return this;
        }

        /** Whether reads go to the primary when no replica is usable (default true); off, such a read fails. */
        public Builder fallbackToPrimary(boolean on) {
            this.fallbackToPrimary = on;
            return this;
        }

        /** How long a replica that failed is skipped before it is tried again (default 5 s). */
        public Builder retryDownAfter(Duration d) {
            this.retryDownAfter = positive(d, "retryDownAfter");
            return this;
        }

        /**
         * Replicas further behind than {@code max}, as {@code probe} measures on one of their
         * connections, are not used; the check runs on a read's connection at most once per
         * {@link #lagCheckEvery} per replica (default 1 s), so a read pays for it rarely.
         */
        public Builder maxLag(Duration max, ReplicationLag probe) {
            this.maxLag = positive(max, "maxLag");
            this.lagProbe = Objects.requireNonNull(probe, "probe");
            return this;
        }

        public Builder lagCheckEvery(Duration d) {
            this.lagCheckEvery = positive(d, "lagCheckEvery");
            return this;
        }

        /**
         * The time source for {@link #retryDownAfter} back-offs and {@link #lagCheckEvery} intervals, in
         * nanoseconds with {@link System#nanoTime()}'s meaning (only differences count); that is the default.
         * A test or a simulation passes its own to move the router's time without waiting for it.
         */
        public Builder ticker(LongSupplier nanoTime) {
            this.ticker = Objects.requireNonNull(nanoTime, "ticker");
            return this;
        }

        public RoutingEngine build() { return new RoutingEngine(this); }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) throw new ConfigurationError(what + " must be positive, got " + d);
            return d;
        }
    }
}
