package org.athanor.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Issue 14's lock statistics for {@link RequestMixCpu} ({@code -Dathanor.bench.lockStats=true}): a Flight Recorder
 * recording of every contended monitor enter, monitor wait and thread park (threshold 0) over the measured rounds,
 * each event put to the request side whose method is on its stack ({@code athanor}, {@code jdbc}, ...) and to the
 * place that blocked: the innermost frame of Athanor's own code ({@code org.athanor}, the benchmarks excepted) when
 * there is one — a lock in the ORM or Core on the request path — else the innermost frame outside the JDK (the pool,
 * the driver). Printed: per side and place, the events and the time blocked, per request.
 */
final class LockStats {
    private LockStats() {}

    private static final List<String> EVENTS = List.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark");

    static Recording start() {
        Recording r = new Recording();
        for (String e : EVENTS) r.enable(e).withThreshold(Duration.ZERO).withStackTrace();
        r.start();
        return r;
    }

    /** Stops {@code r} and prints its events; {@code requests}: each side's measured requests. */
    static void report(Recording r, long requests, PrintStream out) throws IOException {
        r.stop();
        Path file = Files.createTempFile("athanor-locks", ".jfr");
        try {
            r.dump(file);
            r.close();
            Map<String, long[]> byPlace = new TreeMap<>(); // "side | kind | place" -> {events, nanos}
            Map<String, long[]> bySide = new HashMap<>();
            long outside = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                String side = side(e);
                if (side == null) { // the harness's own barriers, the pool's housekeeping
                    outside++;
                    continue;
                }
                String place = place(e), kind = e.getEventType().getName().substring("jdk.".length());
                long nanos = e.getDuration().toNanos();
                add(byPlace, side + " | " + kind + " | " + place, nanos);
                add(bySide, side + (place.startsWith("org.athanor.") ? " in Athanor's code" : " elsewhere"), nanos);
            }
            out.printf("Lock statistics (contended monitor enters, monitor waits, parks; per request of a side, %d requests each)%n", requests);
            out.printf("  %d events recorded outside the requests (the harness's barriers, the pool's housekeeping): not counted%n", outside);
            if (bySide.isEmpty()) out.println("  no request thread blocked inside a request, on any side");
            out.printf("  %-44s %12s %12s%n", "side: where", "events/req", "µs/req");
            new TreeMap<>(bySide).forEach((k, v) -> out.printf("  %-44s %12.4f %12.2f%n", k, v[0] / (double) requests, v[1] / 1e3 / requests));
            out.println("  by place:");
            byPlace.forEach((k, v) -> out.printf("    %-90s %10.4f %10.2f%n", k, v[0] / (double) requests, v[1] / 1e3 / requests));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void add(Map<String, long[]> m, String key, long nanos) {
        long[] v = m.computeIfAbsent(key, k -> new long[2]);
        v[0]++;
        v[1] += nanos;
    }

    /** The request side on the event's stack (RequestMixBenchmark's method), or null. */
    private static String side(RecordedEvent e) {
        if (e.getStackTrace() == null) return null;
        for (RecordedFrame f : e.getStackTrace().getFrames())
            if (f.getMethod().getType().getName().equals(RequestMixBenchmark.class.getName())) {
                String m = f.getMethod().getName();
                if (m.equals("athanor") || m.equals("jdbc") || m.equals("hibernate") || m.equals("jdbcUnnestInsert")) return m;
            }
        return null;
    }

    /** The innermost frame of Athanor's own code, else the innermost outside the JDK: class.method. */
    private static String place(RecordedEvent e) {
        String outside = null;
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String type = f.getMethod().getType().getName(), where = type + "." + f.getMethod().getName();
            if (type.startsWith("org.athanor.") && !type.startsWith("org.athanor.benchmarks.")) return where;
            if (outside == null && !type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) outside = where;
        }
        return outside == null ? "(JDK only)" : outside;
    }
}
