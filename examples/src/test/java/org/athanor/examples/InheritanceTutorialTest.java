package org.athanor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.athanor.examples.inheritance.InheritanceTutorial;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's inheritance walkthrough (issue 16): the tutorial's Animal/Cat/Dog on one table and the joined
 * Staff/Engineer/Manager. It prints what it found and how many statements each step took; this test holds it to
 * the answers: each row as its own class with its own attributes, one SELECT per polymorphic query, one identity
 * per row whichever class it is fetched by, and a joined update touching one table.
 */
class InheritanceTutorialTest {
    @Test
    void theWalkthroughReturnsEachRowAsItsClassInTheStatementsItPromises() throws Exception {
        Path dir = Files.createTempDirectory("athanor-inheritance");
        Path file = dir.resolve("tutorial.db");
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (Engine engine = Engine.create("sqlite:///" + file)) {
            InheritanceTutorial.run(engine);
        } finally {
            System.setOut(out);
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(file + suffix));
            Files.deleteIfExists(dir);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        // single table: the owner, then one multi-row INSERT per class (two cats in one); one SELECT for the
        // hierarchy (+1 for the owner, batched)
        assertTrue(printed.contains("commit: 3 statements (the owner; then one INSERT per class"), printed);
        assertTrue(printed.contains("[Cat(felix, outdoor), Dog(rex, collie), Cat(tom, indoor)] in 2 statements"), printed);
        assertTrue(printed.contains("indoor cats: [Cat(tom, indoor)]"), printed);
        assertTrue(printed.contains("are the same object: true; get(Dog.class, tom's id): null"), printed);
        assertTrue(printed.contains("Owner(ann)'s pets (a collection of Animal): "), printed);
        assertTrue(printed.contains(", loaded in 1 statement"), printed);
        for (String pet : new String[] {"Cat(tom, indoor)", "Dog(rex, collie)", "Cat(felix, outdoor)"})
            assertTrue(printed.substring(printed.indexOf("Owner(ann)'s pets")).contains(pet), pet + " in " + printed);
        // joined: per class its base row, then its own table's row (2 + 2 + 1); one SELECT with outer joins; one UPDATE
        assertTrue(printed.contains("commit: 5 statements (per class, its staff row first"), printed);
        assertTrue(printed.contains("[Engineer(dilbert, java), Manager(pointy, budget 100000), Staff(wally)] in 1 statement"), printed);
        assertTrue(printed.contains("changing an engineer's language: 1 statement (only table engineer is updated)"), printed);
    }
}
