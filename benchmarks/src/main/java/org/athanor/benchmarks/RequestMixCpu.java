package org.athanor.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 14: what one {@link RequestMixBenchmark} request costs in CPU, on a shared machine where wall
 * time is noise. T threads run the sides in alternating slices, each thread a fixed number of requests
 * per slice; per request it reports the request threads' CPU time, the whole JVM's CPU time (garbage
 * collection, compilation, pool housekeeping too), the bytes allocated, and the CPU time the PostgreSQL
 * server processes serving the benchmark's database spent (read from {@code /proc/<pid>/stat} of every
 * backend connected to that database, so run it on a database of its own:
 * {@code -Dathanor.bench.pgUrl=jdbc:postgresql://127.0.0.1:5432/<scratch>}; the server must be local).
 * Reported: each side's median over the rounds and the median of its per-round ratio to JDBC's.
 *
 * <pre>
 * java -Dathanor.bench.pgUrl=... -cp benchmarks.jar org.athanor.benchmarks.RequestMixCpu &lt;threads&gt; &lt;warm-up rounds&gt; &lt;rounds&gt; &lt;requests per thread and slice&gt; [side...]
 * </pre>
 * With {@code -Dathanor.bench.lockStats=true} it also prints where the request threads blocked over the measured
 * rounds (contended monitors, waits and parks, per side and place: {@link LockStats}).
 * Sides: {@code jdbc} (the baseline, always run), {@code athanor}, {@code hibernate}, {@code jdbcUnnestInsert};
 * by default jdbc and athanor.
 */
public final class RequestMixCpu {
    private RequestMixCpu() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]), warmups = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]);
        int perSlice = Integer.parseInt(args[3]);
        List<String> sides = new ArrayList<>(List.of("jdbc"));
        for (int i = 4; i < args.length; i++) if (!args[i].equals("jdbc")) sides.add(args[i]);
        if (sides.size() == 1) sides.add("athanor");
        for (String side : sides) request(null, side, null); // an unknown side fails before the setup
        RequestMixBenchmark bench = new RequestMixBenchmark();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        bench.setUp(threads);
        int n = sides.size();
        double[][] cpu = new double[n][rounds], proc = new double[n][rounds], alloc = new double[n][rounds], server = new double[n][rounds];
        long[] threadCpu = new long[threads], threadAlloc = new long[threads];
        String[] side = new String[1];
        CyclicBarrier start = new CyclicBarrier(threads + 1), done = new CyclicBarrier(threads + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int w = t;
            Thread worker = new Thread(() -> {
                while (true) {
                    String s;
                    try {
                        start.await(); // the barrier publishes side; null stops
                        s = side[0];
                    } catch (Exception e) {
                        return;
                    }
                    if (s == null) return;
                    try {
                        long id = Thread.currentThread().getId(), c0 = mx.getCurrentThreadCpuTime(), a0 = mx.getThreadAllocatedBytes(id);
                        for (int i = 0; i < perSlice; i++) bh.consume(request(bench, s, bh));
                        threadCpu[w] = mx.getCurrentThreadCpuTime() - c0;
                        threadAlloc[w] = mx.getThreadAllocatedBytes(id) - a0;
                    } catch (Throwable e) {
                        // reported by the main thread once every worker is done (a barrier reset here could come before
                        // the main thread waits at it, which would then wait for ever)
                        failure.compareAndSet(null, e);
                    }
                    try {
                        done.await();
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "mix-cpu-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long requests = (long) threads * perSlice;
        boolean lockStats = Boolean.getBoolean("athanor.bench.lockStats");
        jdk.jfr.Recording locks = null;
        try (Connection watch = watcher()) {
            for (int r = -warmups; r < rounds; r++) {
                if (r == 0 && lockStats) locks = LockStats.start(); // the measured rounds only
                bench.trim();
                for (int k = 0; k < n; k++) {
                    int s = r % 2 == 0 ? k : n - 1 - k;
                    side[0] = sides.get(s);
                    long[] pids = backends(watch);
                    long srv0 = ticks(pids), p0 = os.getProcessCpuTime();
                    start.await();
                    done.await();
                    long p1 = os.getProcessCpuTime(), srv1 = ticks(pids);
                    if (failure.get() != null) throw new IllegalStateException("a worker failed", failure.get());
                    if (r >= 0) {
                        cpu[s][r] = Arrays.stream(threadCpu).sum() / 1e3 / requests;
                        proc[s][r] = (p1 - p0) / 1e3 / requests;
                        alloc[s][r] = Arrays.stream(threadAlloc).sum() / (double) requests;
                        server[s][r] = (srv1 - srv0) * (1e6 / TICKS_PER_SECOND) / requests;
                    }
                }
            }
        } finally {
            side[0] = null;
            try {
                start.await();
            } catch (Exception ignored) {
                // a worker failed and broke the barrier
            }
            bench.tearDown();
        }
        if (locks != null) LockStats.report(locks, requests * rounds, System.out);
        System.out.printf("RequestMix CPU, %d threads: %d rounds of %d requests per thread and side after %d warm-up rounds (µs per request)%n",
                threads, rounds, perSlice, warmups);
        System.out.printf("  %-18s %9s %7s %9s %7s %9s %7s %9s %7s %11s%n", "side", "request", "ratio", "process", "ratio", "server", "ratio",
                "proc+srv", "ratio", "alloc B");
        for (int s = 0; s < n; s++) {
            double[] both = new double[rounds];
            for (int r = 0; r < rounds; r++) both[r] = proc[s][r] + server[s][r];
            double[] base = new double[rounds];
            for (int r = 0; r < rounds; r++) base[r] = proc[0][r] + server[0][r];
            System.out.printf("  %-18s %9.1f %7.3f %9.1f %7.3f %9.1f %7.3f %9.1f %7.3f %11.0f%n", sides.get(s),
                    median(cpu[s]), medianRatio(cpu[s], cpu[0]), median(proc[s]), medianRatio(proc[s], proc[0]),
                    median(server[s]), medianRatio(server[s], server[0]), median(both), medianRatio(both, base), median(alloc[s]));
        }
    }

    private static double medianRatio(double[] side, double[] base) {
        double[] ratio = new double[side.length];
        for (int r = 0; r < side.length; r++) ratio[r] = side[r] / base[r];
        return median(ratio);
    }

    /** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat. */
    private static final double TICKS_PER_SECOND = 100;

    private static Object request(RequestMixBenchmark bench, String side, Blackhole bh) throws Exception {
        return switch (side) {
            case "jdbc" -> bench == null ? null : bench.jdbc(bh);
            case "athanor" -> bench == null ? null : bench.athanor(bh);
            case "hibernate" -> bench == null ? null : bench.hibernate(bh);
            case "jdbcUnnestInsert" -> bench == null ? null : bench.jdbcUnnestInsert(bh);
            default -> throw new IllegalArgumentException("unknown side '" + side + "'; expected jdbc, athanor, hibernate or jdbcUnnestInsert");
        };
    }

    private static Connection watcher() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", BenchDb.PG_USER);
        return DriverManager.getConnection(BenchDb.PG_URL, props);
    }

    /** Every backend connected to the benchmark's database but the watcher's own. */
    private static long[] backends(Connection watch) throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Statement st = watch.createStatement();
                ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) pids.add(rs.getLong(1));
        }
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    /** utime + stime of the processes, in clock ticks; a process gone since is counted as zero. */
    private static long ticks(long[] pids) throws IOException {
        long sum = 0;
        for (long pid : pids) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (!Files.exists(stat)) continue;
            String line = Files.readString(stat);
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        }
        return sum;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
