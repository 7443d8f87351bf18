package org.athanor.sqlite;

import org.athanor.core.engine.Engine;
import org.athanor.core.testing.SqlSurfaceSuite;

/** The shared SQL-surface suite on an in-memory SQLite database. */
class SqliteSqlSurfaceTest extends SqlSurfaceSuite {
    @Override protected Engine createEngine() { return Engine.create("sqlite://"); }
}
