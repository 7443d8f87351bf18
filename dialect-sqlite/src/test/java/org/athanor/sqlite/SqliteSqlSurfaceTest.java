package org.athanor.sqlite;

import java.nio.file.Files;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.SqlSurfaceSuite;

/** The shared SQL-surface suite on a SQLite file (pooled: inspection and SKIP LOCKED checks take a second connection). */
class SqliteSqlSurfaceTest extends SqlSurfaceSuite {
    /** A few hundred thousand rows keep the run short; SQLite steps its statement row by row anyway. */
    @Override protected int streamRows() { return 400_000; }

    @Override
    protected Engine createEngine() {
        try {
            var dir = Files.createTempDirectory("athanor-surface");
            dir.toFile().deleteOnExit();
            return Engine.create("sqlite:///" + dir.resolve("surface.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
