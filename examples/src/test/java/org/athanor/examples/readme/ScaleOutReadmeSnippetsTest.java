package org.athanor.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the scale-out section's snippets ({@link ScaleOutReadmeSnippets}) on SQLite files and checks what they print. */
class ScaleOutReadmeSnippetsTest {
    @TempDir Path dir;

    @Test
    void readReplicas() {
        assertEquals("1 1\n0 1", run(() -> ScaleOutReadmeSnippets.readReplicas(dir)));
    }

    @Test
    void shardedReports() {
        assertEquals("[(jean, 41), (jane, 35)] 2 {eu=1, us=1}", run(() -> ScaleOutReadmeSnippets.shardedReports(dir)));
    }

    @Test
    void shardedSession() {
        assertEquals("jean eu 2 true", run(() -> ScaleOutReadmeSnippets.shardedSession(dir)));
    }

    private static String run(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).strip().replace("\r\n", "\n");
    }
}
