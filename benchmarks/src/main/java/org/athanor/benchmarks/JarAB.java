package org.athanor.benchmarks;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A/B of two builds in one JVM, for a busy machine: two benchmark jars (say main's and a branch's) in two class loaders,
 * each with its own PostgreSQL database (created beforehand), the same benchmark method run alternately, the order
 * swapped each round, so that load from other processes falls on both alike. Reports each side's thread CPU and wall
 * time and the median of the per-round ratios B / A. Run A against itself first to see the harness's own bias (the
 * side loaded second has measured ~3 % faster).
 *
 * <pre>
 * java -cp benchmarks.jar org.athanor.benchmarks.JarAB a.jar b.jar ab_a ab_b RelLoadBenchmark selectinAthanor 200 800
 *      (jar A, jar B, database A, database B, benchmark class, method, warm-up rounds, rounds[, param=value])
 * </pre>
 */
public final class JarAB {
    private JarAB() {}

    public static void main(String[] a) throws Exception {
        if (a.length < 8)
            throw new IllegalArgumentException("usage: JarAB <jarA> <jarB> <databaseA> <databaseB> <BenchmarkClass> <method> <warmups> <rounds> [param=value]");
        String[] jars = {a[0], a[1]}, dbs = {a[2], a[3]};
        String cls = "org.athanor.benchmarks." + a[4], method = a[5];
        int warm = Integer.parseInt(a[6]), rounds = Integer.parseInt(a[7]);
        Object[] bench = new Object[2];
        Method[] m = new Method[2];
        Method[][] iterSetup = new Method[2][];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2; i++) {
            System.setProperty("athanor.bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/" + dbs[i]);
            ClassLoader cl = new URLClassLoader(new URL[]{Path.of(jars[i]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(cl);
            Class.forName("org.postgresql.Driver", true, cl);
            Class<?> c = Class.forName(cls, true, cl);
            bench[i] = c.getDeclaredConstructor().newInstance();
            if (a.length > 8) { String[] kv = a[8].split("=", 2); c.getField(kv[0]).set(bench[i], kv[1]); }
            @SuppressWarnings("unchecked") Class<? extends Annotation> setup = (Class<? extends Annotation>) Class.forName("org.openjdk.jmh.annotations.Setup", true, cl);
            Method value = setup.getMethod("value");
            java.util.List<Method> iter = new java.util.ArrayList<>();
            for (Method x : c.getMethods()) {
                Annotation an = x.getAnnotation(setup);
                if (an == null) continue;
                String lv = value.invoke(an).toString();
                if (lv.equals("Trial")) x.invoke(bench[i]);
                else if (lv.equals("Iteration")) iter.add(x);
            }
            iterSetup[i] = iter.toArray(Method[]::new);
            for (Method x : c.getMethods()) if (x.getName().equals(method)) m[i] = x;
        }
        double[][] cpu = new double[2][rounds], wall = new double[2][rounds];
        for (int r = -warm; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int i = (r & 1) == 0 ? k : 1 - k;
                Thread.currentThread().setContextClassLoader(bench[i].getClass().getClassLoader());
                for (Method x : iterSetup[i]) x.invoke(bench[i]);
                long c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                m[i].invoke(bench[i]);
                long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
                if (r >= 0) { cpu[i][r] = (c1 - c0) / 1e6; wall[i][r] = (t1 - t0) / 1e6; }
            }
        }
        double[] cr = new double[rounds], wr = new double[rounds];
        for (int r = 0; r < rounds; r++) { cr[r] = cpu[1][r] / cpu[0][r]; wr[r] = wall[1][r] / wall[0][r]; }
        System.out.printf("%s.%s %d rounds: A cpu med %.3f p25 %.3f | B cpu med %.3f p25 %.3f | B/A cpu ratio med %.3f (p25 %.3f p75 %.3f) | wall A %.3f B %.3f ratio %.3f%n",
                a[4], method, rounds, q(cpu[0], .5), q(cpu[0], .25), q(cpu[1], .5), q(cpu[1], .25), q(cr, .5), q(cr, .25), q(cr, .75), q(wall[0], .5), q(wall[1], .5), q(wr, .5));
        System.exit(0);
    }
    static double q(double[] v, double p) { double[] s = v.clone(); Arrays.sort(s); return s[(int) (p * (s.length - 1))]; }
}
