package org.athanor.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;

/**
 * The quickstart: the tutorial a SQLAlchemy newcomer knows, on a SQLite file, printing the SQL it
 * emits. Run from the repository root with {@code mvn -q -pl examples -am compile exec:java}.
 */
public final class Quickstart {
    private Quickstart() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "quickstart.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(file + suffix));
        String url = "sqlite:///" + file;
        System.out.println("Athanor quickstart on " + url + " (echo on: every statement is printed)");
        try (Engine engine = Engine.create(url, EngineOptions.defaults().echo(true))) {
            CoreTutorial.run(engine);
            OrmTutorial.run(engine);
            org.athanor.examples.relationships.RelationshipsTutorial.run(engine);
            org.athanor.examples.inheritance.InheritanceTutorial.run(engine);
        }
        // the README's Core guide, on its own in-memory database
        ReadmeSnippets.coreGuide("sqlite://");
        System.out.println("\nDone.");
    }
}
