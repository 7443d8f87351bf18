package org.athanor.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link ShardedOptionsReadmeSnippets} and checks that it prints what its comment says. */
class ShardedOptionsReadmeSnippetsTest {
    @TempDir Path dir;

    @Test
    void shardedSessionOptions() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            ShardedOptionsReadmeSnippets.shardedSessionOptions(dir);
        } finally {
            System.setOut(original);
        }
        assertEquals("{eu=1 statement: flush 1, us=1 statement: flush 1}", buffer.toString(StandardCharsets.UTF_8).strip());
    }
}
