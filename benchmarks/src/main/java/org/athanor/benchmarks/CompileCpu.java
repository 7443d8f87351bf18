package org.athanor.benchmarks;


/**
 * CPU time per call of {@link CompileBenchmark}'s athanorCachedPrebuilt and athanorCold, for a busy machine
 * where JMH's wall-clock errors exceed the scores: the measuring thread's CPU time over 200,000 cached and
 * 20,000 cold compiles per sample, 15 samples after 10 warm-up ones, medians printed.
 * {@code java -cp benchmarks.jar org.athanor.benchmarks.CompileCpu}
 */
public final class CompileCpu {
    private CompileCpu() {}

    static long cpu() { return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }
    static Object sink;
    public static void main(String[] a) throws Exception {
        CompileBenchmark b = new CompileBenchmark();
        b.setUp();
        int warm = 10, samples = 15, cachedN = 200_000, coldN = 20_000;
        double[] cached = new double[samples], cold = new double[samples];
        for (int s = -warm; s < samples; s++) {
            long t0 = cpu();
            for (int i = 0; i < cachedN; i++) sink = b.athanorCachedPrebuilt();
            long t1 = cpu();
            for (int i = 0; i < coldN; i++) sink = b.athanorCold();
            long t2 = cpu();
            if (s >= 0) { cached[s] = (t1 - t0) / (double) cachedN; cold[s] = (t2 - t1) / (double) coldN; }
        }
        java.util.Arrays.sort(cached); java.util.Arrays.sort(cold);
        System.out.printf("compile cached: median %.0f ns (min %.0f, max %.0f); cold: median %.0f ns (min %.0f, max %.0f)%n",
                cached[samples / 2], cached[0], cached[samples - 1], cold[samples / 2], cold[0], cold[samples - 1]);
        b.tearDown();
    }
}
