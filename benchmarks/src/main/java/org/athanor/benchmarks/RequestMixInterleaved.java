package org.athanor.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 14: {@link RequestMixBenchmark}'s sides interleaved in one JVM, T threads at a time — the
 * concurrent counterpart of {@link Interleaved} for a shared, noisy machine. Each round gives every
 * side one time slice, in an order rotated every round; in a slice all T threads run only that
 * side's request, back to back. A side's figure for a slice is its mean time per request (summed
 * request time over all threads ÷ requests, what JMH's average-time mode reports) and its throughput
 * (requests ÷ slice wall time). Reported: each side's median over the rounds, and the median, 10th
 * and 90th percentile of its per-round ratio to the JDBC peer's slice of the same round.
 *
 * <pre>
 * java -cp benchmarks.jar org.athanor.benchmarks.RequestMixInterleaved &lt;threads&gt; &lt;warm-up rounds&gt; &lt;rounds&gt; &lt;slice ms&gt;
 * </pre>
 */
public final class RequestMixInterleaved {
    private RequestMixInterleaved() {}

    private static final String[] SIDES = {"jdbc", "athanor", "hibernate", "jdbcUnnestInsert"};

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]), warmups = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]);
        long sliceNanos = Long.parseLong(args[3]) * 1_000_000L;
        RequestMixBenchmark bench = new RequestMixBenchmark();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        bench.setUp(threads);
        CyclicBarrier start = new CyclicBarrier(threads + 1), done = new CyclicBarrier(threads + 1);
        long[] count = new long[threads], nanos = new long[threads];
        int[] side = new int[1];
        long[] deadline = new long[1];
        boolean[] stop = new boolean[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int me = i;
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        start.await(); // the barrier publishes side, deadline and stop
                        if (stop[0]) return;
                        int s = side[0];
                        long end = deadline[0], n = 0, ns = 0;
                        long t0 = System.nanoTime();
                        while (t0 < end) {
                            bh.consume(request(bench, s, bh));
                            long t1 = System.nanoTime();
                            ns += t1 - t0;
                            n++;
                            t0 = t1;
                        }
                        count[me] = n;
                        nanos[me] = ns;
                        done.await();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    start.reset();
                    done.reset();
                }
            }, "mix-worker-" + i);
            t.start();
            workers.add(t);
        }
        double[][] micros = new double[SIDES.length][rounds], perSecond = new double[SIDES.length][rounds];
        try {
            for (int r = -warmups; r < rounds; r++) {
                bench.trim();
                for (int k = 0; k < SIDES.length; k++) {
                    int s = (k + r + warmups) % SIDES.length; // rotated each round
                    side[0] = s;
                    long t0 = System.nanoTime();
                    deadline[0] = t0 + sliceNanos;
                    start.await();
                    done.await();
                    long wall = System.nanoTime() - t0;
                    if (failure.get() != null) throw new IllegalStateException("a worker failed", failure.get());
                    long n = Arrays.stream(count).sum(), ns = Arrays.stream(nanos).sum();
                    if (r >= 0) {
                        micros[s][r] = ns / 1e3 / n;
                        perSecond[s][r] = n / (wall / 1e9);
                    }
                }
            }
        } finally {
            stop[0] = true;
            try {
                start.await();
            } catch (Exception ignored) {
                // a worker failed and broke the barrier
            }
            for (Thread t : workers) t.join(10_000);
            bench.tearDown();
        }
        System.out.printf("RequestMix, %d threads: %d rounds of %d ms slices per side after %d warm-up rounds%n",
                threads, rounds, sliceNanos / 1_000_000, warmups);
        System.out.printf("  %-18s %12s %12s %12s %12s %12s%n", "side", "µs/req(med)", "req/s(med)", "ratio(med)", "ratio(p10)", "ratio(p90)");
        for (int s = 0; s < SIDES.length; s++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = micros[s][r] / micros[0][r];
            System.out.printf("  %-18s %12.0f %12.0f %12.3f %12.3f %12.3f%n", SIDES[s], pct(micros[s], 50), pct(perSecond[s], 50),
                    pct(ratio, 50), pct(ratio, 10), pct(ratio, 90));
        }
        System.out.println("  per round (µs/request): " + String.join(" | ", SIDES));
        for (int r = 0; r < rounds; r++) {
            StringBuilder sb = new StringBuilder("   ");
            for (int s = 0; s < SIDES.length; s++) sb.append(String.format(" %8.0f", micros[s][r]));
            System.out.println(sb);
        }
    }

    private static Object request(RequestMixBenchmark bench, int side, Blackhole bh) throws Exception {
        return switch (side) {
            case 0 -> bench.jdbc(bh);
            case 1 -> bench.athanor(bh);
            case 2 -> bench.hibernate(bh);
            default -> bench.jdbcUnnestInsert(bh);
        };
    }

    /** Nearest-rank percentile. */
    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
