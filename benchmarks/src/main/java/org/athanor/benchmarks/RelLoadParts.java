package org.athanor.benchmarks;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.athanor.orm.Session;

/**
 * {@link RelLoadBenchmark}'s Athanor methods split into their parts, measured by the thread's CPU and allocated bytes
 * (steadier than wall time on a shared machine): the query with its relationship load, and {@code commit()} (the
 * dirty check over the 11,000 objects). {@code java -cp benchmarks.jar org.athanor.benchmarks.RelLoadParts
 * <selectin|joined> <warmup> <rounds>}.
 */
public final class RelLoadParts {
    private RelLoadParts() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("selectin", "joined").contains(args[0]))
            throw new IllegalArgumentException("usage: RelLoadParts <selectin|joined> <warmup rounds> <measured rounds>");
        boolean joined = args[0].equals("joined");
        int warm = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long[] load = new long[rounds], commit = new long[rounds], alloc = new long[rounds];
        try (RelDb rel = new RelDb()) {
            rel.fill();
            for (int r = -warm; r < rounds; r++) {
                try (Session s = rel.athanor.openSession()) {
                    long a0 = mx.getThreadAllocatedBytes(tid), c0 = mx.getCurrentThreadCpuTime();
                    var q = s.query(RelUser.class).orderBy(RelUser_.id);
                    List<RelUser> users = (joined ? q.options(joinedLoad(RelUser_.posts)) : q.options(selectinLoad(RelUser_.posts))).all();
                    long c1 = mx.getCurrentThreadCpuTime();
                    RelDb.check(users);
                    long c2 = mx.getCurrentThreadCpuTime();
                    s.commit();
                    long c3 = mx.getCurrentThreadCpuTime(), a1 = mx.getThreadAllocatedBytes(tid);
                    if (r >= 0) {
                        load[r] = c1 - c0;
                        commit[r] = c3 - c2;
                        alloc[r] = a1 - a0;
                    }
                }
            }
        }
        Arrays.sort(load);
        Arrays.sort(commit);
        Arrays.sort(alloc);
        System.out.printf("%s: load CPU median %.3f ms (p25 %.3f) | commit CPU median %.3f ms (p25 %.3f) | allocated %,d B/op%n",
                args[0], load[rounds / 2] / 1e6, load[rounds / 4] / 1e6, commit[rounds / 2] / 1e6, commit[rounds / 4] / 1e6, alloc[rounds / 2]);
    }
}
