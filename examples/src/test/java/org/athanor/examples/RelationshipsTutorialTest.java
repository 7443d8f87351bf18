package org.athanor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.athanor.examples.relationships.RelationshipsTutorial;
import org.junit.jupiter.api.Test;

/** The quickstart's relationships walkthrough runs (students and courses many-to-many included), and its statement report shows no N+1 (it checks itself and throws otherwise). */
class RelationshipsTutorialTest {
    @Test
    void theWalkthroughRunsAndItsStatementReportProvesTheBatchedLoad() throws Exception {
        Path dir = Files.createTempDirectory("athanor-tutorial");
        Path file = dir.resolve("tutorial.db");
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (Engine engine = Engine.create("sqlite:///" + file)) {
            RelationshipsTutorial.run(engine);
        } finally {
            System.setOut(out);
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(file + suffix));
            Files.deleteIfExists(dir);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("3 statements: query Employee 1, load Employee.department 1, lazy load Department.employees 1"), printed);
        assertTrue(printed.contains("Department.employees was lazily loaded 2 times in this session (limit 1)"), printed);
        // the many-to-many step: secondary rows after both ends, one select per loaded level, back-population, two outer joins
        assertTrue(printed.contains("bob's courses before the flush: [math]"), printed);
        assertTrue(printed.contains("commit: 3 statements (students, courses, then the enrollment rows"), printed);
        assertTrue(printed.contains("Student(ann) takes [art, math]"), printed);
        assertTrue(printed.contains("2 statements for 2 students"), printed);
        assertTrue(printed.contains("ann dropped art: art's students now []"), printed);
        assertTrue(printed.contains("commit: 1 statement (one enrollment row deleted)"), printed);
        assertTrue(printed.contains("selectinLoad: 2 statements"), printed);
        assertTrue(printed.contains("taking [[math], [math]] in 1 statement (two LEFT OUTER JOINs)"), printed);
    }
}
