package org.athanor.orm.outside;

import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.orm.SessionTestBase;
import org.athanor.orm.TestDb;

/**
 * The shared Session suite run the way a dialect outside this module runs it (athanor-orm's test-jar
 * as a test dependency, a subclass in its own package, only public API of the suite): this class uses
 * nothing package-private, so if it compiles and runs here, a new dialect's module can do the same
 * without editing orm/pom.xml. The in-tree dialects' subclasses stay in orm/src/test because
 * athanor-orm already depends on the dialect modules (test scope); the dialects depending on
 * athanor-orm's test-jar would be a cycle.
 */
class OutsidePackageSessionTest extends SessionTestBase {
    @Override protected TestDb openDatabase() {
        try {
            Path file = Files.createTempFile("athanor-orm-outside", ".db");
            Engine engine = Engine.create("sqlite:///" + file.toAbsolutePath(), EngineOptions.defaults().poolSize(4));
            return TestDb.of(engine, "SQLite file " + file, () -> {
                engine.close();
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
