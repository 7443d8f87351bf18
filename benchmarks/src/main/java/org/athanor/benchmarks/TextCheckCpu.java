package org.athanor.benchmarks;

import org.athanor.core.type.SqlTypes;
import org.athanor.core.type.TextValues;

/**
 * CPU time of the text check every bound string passes ({@link TextValues#check}) over 200,000
 * ASCII strings of ~21 chars, the strings of {@link BulkInsertBenchmark}: 40 passes, the last 30
 * counted, best and mean printed. {@code java -cp benchmarks.jar org.athanor.benchmarks.TextCheckCpu}
 */
public final class TextCheckCpu {
    private TextCheckCpu() {}

    private static long cpu() { return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    public static void main(String[] args) throws Exception {
        int n = 200_000;
        String[] strings = new String[n];
        for (int i = 0; i < n; i++) strings[i] = (i % 2 == 0 ? "customer name " : "customer description ") + i;
        double best = Double.MAX_VALUE, sum = 0;
        int counted = 0;
        for (int pass = 0; pass < 40; pass++) {
            long t0 = cpu();
            for (String s : strings) TextValues.check(s, true, SqlTypes.TEXT, "SQLite");
            double ms = (cpu() - t0) / 1e6;
            if (pass >= 10) {
                best = Math.min(best, ms);
                sum += ms;
                counted++;
            }
        }
        System.out.printf("check: best %.2f ms, mean %.2f ms per %,d strings%n", best, sum / counted, n);
    }
}
