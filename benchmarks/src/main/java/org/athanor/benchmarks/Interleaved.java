package org.athanor.benchmarks;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A companion to JMH for a shared, noisy machine: runs the methods of one benchmark class in
 * alternating order, round after round, in one JVM, so that load from other processes falls on
 * every side alike; reports each side's median and minimum and the median of the per-round ratio
 * to the first method named (the baseline, raw JDBC), and the same for the CPU time of the measuring
 * thread (for an in-process database such as SQLite, the work done without the time spent waiting
 * for a core on a loaded machine; for a server database it leaves out the server's work). The benchmark classes' own setup methods
 * (trial and per-iteration) are used, so the work measured is exactly the JMH benchmark's.
 *
 * <pre>
 * java -cp benchmarks.jar org.athanor.benchmarks.Interleaved PkSelectBenchmark db=sqlite 3 15 jdbc athanor
 *      (class, parameter, warm-up rounds, measured rounds, baseline method, other methods...)
 * </pre>
 */
public final class Interleaved {
    private Interleaved() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 6)
            throw new IllegalArgumentException("usage: Interleaved <BenchmarkClass> <param=value|-> <warmups> <rounds> <baseline> <method>...");
        Class<?> cls = Class.forName("org.athanor.benchmarks." + args[0]);
        Object bench = cls.getDeclaredConstructor().newInstance();
        if (!args[1].equals("-")) {
            String[] kv = args[1].split("=", 2);
            var f = cls.getField(kv[0]);
            if (!f.isAnnotationPresent(Param.class)) throw new IllegalArgumentException(kv[0] + " is not a @Param of " + cls.getSimpleName());
            f.set(bench, kv[1]);
        }
        int warmups = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        List<Method> measured = new ArrayList<>();
        for (String name : Arrays.copyOfRange(args, 4, args.length)) measured.add(find(cls, name));
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        run(bench, cls, Level.Trial);
        try {
            double[][] times = new double[measured.size()][rounds];
            // CPU time of this thread: on a loaded machine, the work an in-process database (SQLite) did, without
            // the time the thread waited for a core
            double[][] cpu = new double[measured.size()][rounds];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = -warmups; r < rounds; r++) {
                for (int k = 0; k < measured.size(); k++) {
                    // alternate the order each round so neither side always runs first
                    int m = r % 2 == 0 ? k : measured.size() - 1 - k;
                    run(bench, cls, Level.Iteration);
                    Method method = measured.get(m);
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    Object out = method.getParameterCount() == 1 ? method.invoke(bench, bh) : method.invoke(bench);
                    long t1 = System.nanoTime();
                    long c1 = threads.getCurrentThreadCpuTime();
                    bh.consume(out);
                    if (r >= 0) {
                        times[m][r] = (t1 - t0) / 1e6;
                        cpu[m][r] = (c1 - c0) / 1e6;
                    }
                }
            }
            System.out.printf("%s %s: %d rounds after %d warm-up rounds (ms per operation)%n", cls.getSimpleName(), args[1], rounds, warmups);
            System.out.printf("  %-22s %10s %10s %12s %10s %14s%n", "method", "median", "min", "ratio(med)", "cpu(med)", "cpu ratio(med)");
            for (int m = 0; m < measured.size(); m++) {
                double[] ratio = new double[rounds], cpuRatio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = times[m][r] / times[0][r];
                    cpuRatio[r] = cpu[m][r] / cpu[0][r];
                }
                System.out.printf("  %-22s %10.1f %10.1f %12.3f %10.1f %14.3f%n", measured.get(m).getName(), median(times[m]),
                        Arrays.stream(times[m]).min().orElseThrow(), median(ratio), median(cpu[m]), median(cpuRatio));
            }
            if (measured.size() == 2) {
                // the two orders apart: even rounds run the baseline first, odd rounds the other method
                double[][] byOrder = new double[2][];
                for (int parity = 0; parity < 2; parity++) {
                    int p = parity;
                    byOrder[parity] = java.util.stream.IntStream.range(0, rounds).filter(r -> r % 2 == p)
                            .mapToDouble(r -> times[1][r] / times[0][r]).toArray();
                }
                System.out.printf("  ratio(med) by order: %s first %.3f, %s first %.3f%n", measured.get(0).getName(),
                        median(byOrder[0]), measured.get(1).getName(), median(byOrder[1]));
            }
        } finally {
            for (Method td : cls.getMethods()) if (td.isAnnotationPresent(TearDown.class)) td.invoke(bench);
        }
    }

    private static Method find(Class<?> cls, String name) {
        for (Method m : cls.getMethods())
            if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) return m;
        throw new IllegalArgumentException("no benchmark method " + name + " in " + cls.getSimpleName());
    }

    private static void run(Object bench, Class<?> cls, Level level) throws Exception {
        for (Method m : cls.getMethods()) {
            Setup s = m.getAnnotation(Setup.class);
            if (s != null && s.value() == level) m.invoke(bench);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
