package org.athanor.benchmarks;

import static org.athanor.orm.Loaders.selectinLoad;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.athanor.orm.Session;

/**
 * {@link RelLoadParts}' commit part (the dirty check over the 11,000 objects a select-in load leaves) as an A/B of
 * two builds in one JVM, the way {@link JarAB} compares whole benchmark methods: each jar in a class loader of its
 * own (this jar after it, for the {@link Probe} class only), one round of each alternately, the order swapped each
 * round; prints each side's median commit CPU and the median per-round ratio B / A. Each side makes its own schema
 * in the default database ({@link RelDb}). Run A against itself first to see the harness's own bias.
 *
 * <pre>
 * java -cp benchmarks.jar org.athanor.benchmarks.RelCommitAB a.jar b.jar 200 400 [second]
 * </pre>
 * With {@code second}, each round times a second flush after the commit instead (the same dirty check with the
 * objects still in the caches, and no COMMIT).
 */
public final class RelCommitAB {
    private RelCommitAB() {}

    /** One round: a select-in load of the users and their posts, then the commit's (or a second flush's) thread CPU in ns. */
    public static final class Probe implements LongSupplier {
        private final RelDb rel = new RelDb();
        private final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final boolean second = Boolean.getBoolean("athanor.bench.secondFlush");

        public Probe() { rel.fill(); }

        @Override
        public long getAsLong() {
            try (Session s = rel.athanor.openSession()) {
                List<RelUser> users = s.query(RelUser.class).orderBy(RelUser_.id).options(selectinLoad(RelUser_.posts)).all();
                RelDb.check(users);
                long c0 = mx.getCurrentThreadCpuTime();
                s.commit();
                long c1 = mx.getCurrentThreadCpuTime();
                if (!second) return c1 - c0;
                s.flush();
                return mx.getCurrentThreadCpuTime() - c1;
            }
        }
    }

    public static void main(String[] a) throws Exception {
        if (a.length < 4) throw new IllegalArgumentException("usage: RelCommitAB <jarA> <jarB> <warmups> <rounds> [second]");
        int warm = Integer.parseInt(a[2]), rounds = Integer.parseInt(a[3]);
        if (a.length > 4 && a[4].equals("second")) System.setProperty("athanor.bench.secondFlush", "true");
        URL self = RelCommitAB.class.getProtectionDomain().getCodeSource().getLocation();
        LongSupplier[] probe = new LongSupplier[2];
        for (int i = 0; i < 2; i++) {
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(a[i]).toUri().toURL(), self}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(cl);
            Class.forName("org.postgresql.Driver", true, cl);
            probe[i] = (LongSupplier) Class.forName(Probe.class.getName(), true, cl).getConstructor().newInstance();
        }
        double[][] ms = new double[2][rounds];
        double[] ratio = new double[rounds];
        for (int r = -warm; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int i = (r & 1) == 0 ? k : 1 - k;
                Thread.currentThread().setContextClassLoader(probe[i].getClass().getClassLoader());
                long ns = probe[i].getAsLong();
                if (r >= 0) ms[i][r] = ns / 1e6;
            }
            if (r >= 0) ratio[r] = ms[1][r] / ms[0][r];
        }
        System.out.printf("%s: A median %.3f ms (p25 %.3f) | B median %.3f ms (p25 %.3f) | B/A median %.3f (p25 %.3f p75 %.3f)%n",
                a.length > 4 ? "second flush CPU" : "commit CPU", q(ms[0], 2), q(ms[0], 4), q(ms[1], 2), q(ms[1], 4), q(ratio, 2), q(ratio, 4),
                sorted(ratio)[3 * rounds / 4]);
        System.exit(0); // the probes' pools
    }

    private static double[] sorted(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c;
    }

    private static double q(double[] x, int d) { return sorted(x)[x.length / d]; }
}
