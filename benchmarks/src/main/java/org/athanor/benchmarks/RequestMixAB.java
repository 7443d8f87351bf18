package org.athanor.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 14: the {@link RequestMixBenchmark} request of two builds in one JVM, T threads: jar A's and jar B's
 * {@code athanor} and {@code jdbc} sides (each jar in its own class loader, on its own PostgreSQL database, created
 * beforehand) run in alternating slices, the order rotated each round, so that the machine's load falls on all four
 * alike. Per request it reports each side's request-thread CPU and bytes allocated, the median of the per-round ratios
 * B ÷ A of the {@code athanor} side, and each jar's {@code athanor} ÷ its own {@code jdbc}. Run A against itself first
 * to see the harness's own bias.
 *
 * <pre>
 * java -cp benchmarks.jar org.athanor.benchmarks.RequestMixAB a.jar b.jar ab_a ab_b &lt;threads&gt; &lt;warm-up rounds&gt; &lt;rounds&gt; &lt;requests per thread and slice&gt;
 * </pre>
 */
public final class RequestMixAB {
    private RequestMixAB() {}

    /** One side: a jar's benchmark object, its request method and its own Blackhole. */
    private record Side(String name, Object bench, Method request, Object blackhole) {
        Object run() throws Exception { return request.invoke(bench, blackhole); }
    }

    public static void main(String[] a) throws Exception {
        if (a.length < 8)
            throw new IllegalArgumentException("usage: RequestMixAB <jarA> <jarB> <databaseA> <databaseB> <threads> <warmups> <rounds> <perSlice>");
        int threads = Integer.parseInt(a[4]), warmups = Integer.parseInt(a[5]), rounds = Integer.parseInt(a[6]);
        int perSlice = Integer.parseInt(a[7]);
        List<Side> sides = new ArrayList<>();
        Object[] benches = new Object[2];
        Method[] trims = new Method[2], tearDowns = new Method[2];
        for (int i = 0; i < 2; i++) {
            System.setProperty("athanor.bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/" + a[2 + i]);
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(a[i]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(cl);
            Class.forName("org.postgresql.Driver", true, cl);
            Class<?> c = Class.forName("org.athanor.benchmarks.RequestMixBenchmark", true, cl);
            Class<?> bhClass = Class.forName("org.openjdk.jmh.infra.Blackhole", true, cl);
            Object bh = bhClass.getConstructor(String.class)
                    .newInstance("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            Object bench = ctor.newInstance();
            Method setUp = c.getDeclaredMethod("setUp", int.class);
            setUp.setAccessible(true);
            setUp.invoke(bench, threads);
            benches[i] = bench;
            trims[i] = c.getMethod("trim");
            tearDowns[i] = c.getMethod("tearDown");
            String jar = i == 0 ? "A" : "B";
            sides.add(new Side(jar + " athanor", bench, c.getMethod("athanor", bhClass), bh));
            sides.add(new Side(jar + " jdbc", bench, c.getMethod("jdbc", bhClass), bh));
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = sides.size();
        double[][] cpu = new double[n][rounds], alloc = new double[n][rounds];
        long[] threadCpu = new long[threads], threadAlloc = new long[threads];
        Side[] current = new Side[1];
        CyclicBarrier start = new CyclicBarrier(threads + 1), done = new CyclicBarrier(threads + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            int w = t;
            Thread worker = new Thread(() -> {
                while (true) {
                    Side s;
                    try {
                        start.await(); // the barrier publishes current[0]; null stops
                        s = current[0];
                    } catch (Exception e) {
                        return;
                    }
                    if (s == null) return;
                    try {
                        Thread.currentThread().setContextClassLoader(s.bench().getClass().getClassLoader());
                        long id = Thread.currentThread().getId(), c0 = mx.getCurrentThreadCpuTime(), a0 = mx.getThreadAllocatedBytes(id);
                        for (int i = 0; i < perSlice; i++) s.run();
                        threadCpu[w] = mx.getCurrentThreadCpuTime() - c0;
                        threadAlloc[w] = mx.getThreadAllocatedBytes(id) - a0;
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e); // reported by the main thread once every worker is done
                    }
                    try {
                        done.await();
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "mix-ab-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        long requests = (long) threads * perSlice;
        try {
            for (int r = -warmups; r < rounds; r++) {
                for (int i = 0; i < 2; i++) trims[i].invoke(benches[i]);
                for (int k = 0; k < n; k++) {
                    int s = Math.floorMod(k + r, n); // rotated: each side runs first, second, ... in turn
                    current[0] = sides.get(s);
                    start.await();
                    done.await();
                    if (failure.get() != null) throw new IllegalStateException("a worker failed", failure.get());
                    if (r >= 0) {
                        cpu[s][r] = Arrays.stream(threadCpu).sum() / 1e3 / requests;
                        alloc[s][r] = Arrays.stream(threadAlloc).sum() / (double) requests;
                    }
                }
            }
        } finally {
            current[0] = null;
            try {
                start.await();
            } catch (Exception ignored) {
                // a worker failed and broke the barrier
            }
            for (int i = 0; i < 2; i++) tearDowns[i].invoke(benches[i]);
        }
        System.out.printf("RequestMixAB, %d threads: %d rounds of %d requests per thread and side after %d warm-up rounds (µs per request)%n",
                threads, rounds, perSlice, warmups);
        for (int s = 0; s < n; s++)
            System.out.printf("  %-10s request CPU %8.1f (p25 %8.1f, p75 %8.1f)  alloc %8.0f B%n", sides.get(s).name(), q(cpu[s], .5),
                    q(cpu[s], .25), q(cpu[s], .75), q(alloc[s], .5));
        System.out.printf("  athanor B/A %.3f (p25 %.3f, p75 %.3f); A athanor/jdbc %.3f; B athanor/jdbc %.3f; jdbc B/A %.3f%n",
                q(ratio(cpu[2], cpu[0]), .5), q(ratio(cpu[2], cpu[0]), .25), q(ratio(cpu[2], cpu[0]), .75), q(ratio(cpu[0], cpu[1]), .5),
                q(ratio(cpu[2], cpu[3]), .5), q(ratio(cpu[3], cpu[1]), .5));
        System.exit(0);
    }

    private static double[] ratio(double[] x, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i] / y[i];
        return r;
    }

    private static double q(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.round(p * (s.length - 1))];
    }
}
