package org.athanor.sqlite;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.LiteralSafety;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The literal-rendering paths on SQLite (no session setting changes how it reads a literal). */
class SqliteLiteralSafetyTest {
    @TempDir Path dir;

    @Test
    void literalsAreSafe() {
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("lit.db"))) {
            LiteralSafety.Canary canary = new LiteralSafety.Canary(engine);
            int cases = LiteralSafety.check(engine, canary, LiteralSafety.NASTY, c -> {});
            assertTrue(cases >= LiteralSafety.NASTY.size() * 5, "cases: " + cases);
            TestDatabases.dropAndClose(null, null);
        }
    }
}
