package org.athanor.postgres;

import org.athanor.core.engine.Engine;
import org.athanor.core.testing.SqlSurfaceSuite;
import org.athanor.core.testing.TestDatabases;

/** The shared SQL-surface suite on PostgreSQL. */
class PostgresSqlSurfaceTest extends SqlSurfaceSuite {
    @Override protected Engine createEngine() { return TestDatabases.postgres(); }

    /** PostgreSQL before 18 has stored generated columns only. */
    @Override protected boolean virtualComputedColumns() { return false; }
}
