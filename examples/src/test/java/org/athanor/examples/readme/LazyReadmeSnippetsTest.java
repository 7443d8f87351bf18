package org.athanor.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's lazy to-one snippet runs, with the statement counts it claims. */
class LazyReadmeSnippetsTest {
    @TempDir Path dir;

    @Test
    void lazyGuideRunsWithOneQueryAndOneLazyLoad() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            LazyGuide.main(new String[] {"sqlite:///" + dir.resolve("lazy.db")});
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8).strip(); // the report's byOrigin map
        assertEquals(java.util.Set.of("query Book=1", "lazy load Book.author=1"),
                java.util.Set.of(out.substring(1, out.length() - 1).split(", ")), out);
    }
}
