package org.athanor.codegen;

import org.athanor.core.engine.Engine;
import org.junit.jupiter.api.AfterEach;

/** Chinook's tables created through Core (reflect the SQLite file, createAll) in a database of its own, rows copied. */
class PostgresCodegenTest extends CodegenScenario {
    ServerChinook db;

    @Override Engine chinook() throws Exception { return (db = ServerChinook.open(true, tmp)).engine; }

    @AfterEach void close() throws Exception { if (db != null) db.close(); }
}
