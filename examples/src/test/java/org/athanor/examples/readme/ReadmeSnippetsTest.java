package org.athanor.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.sql.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java snippets are the sources in this package (and examples/src/main): this test runs
 * them on SQLite, and checks that every {@code ```java} block of the README appears verbatim (up to
 * a constant indentation) in one of those files, so the README cannot drift from code that compiles
 * and runs.
 */
class ReadmeSnippetsTest {
    @TempDir Path dir;

    @Test
    void coreGuideRuns() {
        String url = "sqlite:///" + dir.resolve("core.db");
        String out = captureOut(() -> CoreGuide.main(new String[] {url}));
        assertEquals(List.of("[(sandy, 31)]", "[(sandy, Hello)]"), out.lines().collect(Collectors.toList()));
        try (Engine engine = Engine.create(url); Connection c = engine.connect()) {
            assertEquals(4L, ((Number) c.execute(Sql.select(Sql.count()).from(Users.USERS)).scalar()).longValue());
            assertEquals("Patrick Star", c.execute(Sql.select(Users.USERS.FULLNAME).where(Users.USERS.NAME.eq("patrick"))).scalar());
            assertEquals(Integer.valueOf(32), c.execute(Sql.select(Users.USERS.AGE).where(Users.USERS.NAME.eq("sandy"))).scalar());
        }
    }

    @Test
    void ormGuideRuns() {
        String url = "sqlite:///" + dir.resolve("orm.db");
        String out = captureOut(() -> OrmGuide.main(new String[] {url}));
        assertEquals("2 [NameAge[name=ed, age=41], NameAge[name=wendy, age=29], NameAge[name=mary, age=35]]"
                + " [(ed, 41), (wendy, 29), (mary, 35)]", out.strip());
        try (Engine engine = Engine.create(url); Connection c = engine.connect()) {
            assertEquals(2L, ((Number) c.execute(Sql.select(Sql.count()).from(User_.TABLE)).scalar()).longValue());
        }
    }

    @Test
    void dataSourceGuideRuns() {
        String out = captureOut(() -> DataSourceGuide.main(new String[] {"jdbc:sqlite:" + dir.resolve("ds.db")}));
        assertEquals("42", out.strip());
    }

    @Test
    void everyJavaBlockOfTheReadmeIsTestedSource() throws IOException {
        Path readme = Path.of("..", "README.md");
        List<List<String>> blocks = javaBlocks(Files.readAllLines(readme, StandardCharsets.UTF_8));
        assertFalse(blocks.isEmpty(), "no ```java block found in " + readme.toAbsolutePath());
        List<List<String>> sources = new ArrayList<>();
        for (String root : List.of("src/test/java", "src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList()))
                    sources.add(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        List<String> missing = new ArrayList<>();
        for (List<String> block : blocks) {
            if (sources.stream().noneMatch(src -> contains(src, block)))
                missing.add(String.join("\n", block));
        }
        if (!missing.isEmpty())
            fail(missing.size() + " ```java block(s) of README.md are not (verbatim) in examples/src: copy the tested source"
                    + " into the README instead of editing it there:\n\n" + String.join("\n\n----\n\n", missing));
    }

    private static List<List<String>> javaBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null) {
                if (line.strip().equals("```java")) current = new ArrayList<>();
            } else if (line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else {
                current.add(line.stripTrailing());
            }
        }
        assertTrue(current == null, "README.md has an unclosed ```java block");
        return blocks;
    }

    /** True when {@code block} is a run of lines of {@code source}, each indented by the same prefix. */
    static boolean contains(List<String> source, List<String> block) {
        int first = 0;
        while (first < block.size() && block.get(first).isBlank()) first++;
        if (first == block.size()) return true;
        String head = block.get(first);
        for (int i = 0; i + block.size() - first <= source.size(); i++) {
            String line = source.get(i).stripTrailing();
            if (!line.endsWith(head)) continue;
            String indent = line.substring(0, line.length() - head.length());
            if (!indent.isBlank()) continue;
            boolean all = true;
            for (int k = first; k < block.size() && all; k++) {
                String want = block.get(k), got = source.get(i + k - first).stripTrailing();
                all = want.isEmpty() ? got.isEmpty() : got.equals(indent + want);
            }
            if (all) return true;
        }
        return false;
    }

    private static String captureOut(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
