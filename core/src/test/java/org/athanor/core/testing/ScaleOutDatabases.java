package org.athanor.core.testing;

import java.time.Duration;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;

/**
 * The PostgreSQL clusters of the scale-out tests, started by {@code .ci/pg-clusters.sh start}
 * (which {@code .ci/run} calls): a primary on 5433 with a streaming standby on 5434, and two
 * independent shard servers on 5435 and 5436. Like {@link TestDatabases}: skipped with one line
 * when they do not answer, a failure when CI=true or -Dathanor.requireDatabases=true.
 * Override the URLs with -Dathanor.pg.primary.url, -Dathanor.pg.standby.url, -Dathanor.pg.shard1.url,
 * -Dathanor.pg.shard2.url, -Dathanor.pg.spare.url.
 */
public final class ScaleOutDatabases {
    private ScaleOutDatabases() {}

    public static String primaryUrl() { return url("primary", 5433); }
    public static String standbyUrl() { return url("standby", 5434); }
    /** The disposable second standby the fail-over test stops and starts (.ci/pg-clusters.sh start-spare). */
    public static String spareUrl() { return url("spare", 5437); }
    public static String shardUrl(int n) { return url("shard" + n, 5434 + n); }

    private static String url(String name, int port) {
        String v = System.getProperty("athanor.pg." + name + ".url");
        return v == null || v.isBlank() ? "postgresql://postgres@127.0.0.1:" + port + "/test" : v;
    }

    /** Replicas fail over quickly: a short connection timeout and a liveness check at checkout. */
    public static EngineOptions replicaOptions() {
        return EngineOptions.defaults().poolSize(4).connectionTimeout(Duration.ofMillis(1500)).prePing(true);
    }

    public static Engine primary() { return TestDatabases.server("PostgreSQL primary (.ci/pg-clusters.sh)", primaryUrl(), EngineOptions.defaults().poolSize(4)); }
    public static Engine standby() { return TestDatabases.server("PostgreSQL standby (.ci/pg-clusters.sh)", standbyUrl(), replicaOptions()); }
    /** Starts the spare standby (creating it on first use) and opens an engine on it. */
    public static Engine spare() {
        if (TestDatabases.required() || reachable(5433)) clusters("start-spare");
        return TestDatabases.server("PostgreSQL spare standby (.ci/pg-clusters.sh start-spare)", spareUrl(), replicaOptions());
    }

    /**
     * Takes the machine-wide lock on the spare standby (a file lock in java.io.tmpdir), waiting while another
     * process holds it; closing the result releases it. The tests that stop the spare or pause its replay hold
     * it throughout, so test runs of several checkouts on one machine take turns instead of stopping the
     * spare under each other. One holder per JVM at a time (tests of one JVM run one after another).
     */
    public static java.io.Closeable lockSpare() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "athanor-pg-spare.lock");
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        try {
            java.nio.channels.FileLock lock = ch.lock();
            return () -> {
                try {
                    lock.release();
                } finally {
                    ch.close();
                }
            };
        } catch (java.io.IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static boolean reachable(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static Engine shard(int n) { return TestDatabases.server("PostgreSQL shard" + n + " (.ci/pg-clusters.sh)", shardUrl(n), EngineOptions.defaults().poolSize(4)); }

    /**
     * Runs {@code .ci/pg-clusters.sh <command>} (found from the module's directory upwards) and waits
     * for it: the fail-over test stops the standby with "stop-standby" and brings it back with "start".
     */
    public static void clusters(String command) {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path script = null;
        for (java.nio.file.Path d = dir; d != null; d = d.getParent()) {
            java.nio.file.Path s = d.resolve(".ci/pg-clusters.sh");
            if (java.nio.file.Files.isExecutable(s)) { script = s; break; }
        }
        if (script == null) throw new IllegalStateException("no .ci/pg-clusters.sh above " + dir);
        try {
            Process p = new ProcessBuilder(script.toString(), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) throw new IllegalStateException(script + " " + command + " did not finish");
            if (p.exitValue() != 0) throw new IllegalStateException(script + " " + command + " failed (" + p.exitValue() + "): " + out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
