package org.athanor.mysql;

import org.athanor.core.engine.Engine;
import org.athanor.core.testing.SqlSurfaceSuite;
import org.athanor.core.testing.TestDatabases;

/** The shared SQL-surface suite on MariaDB/MySQL. */
class MysqlSqlSurfaceTest extends SqlSurfaceSuite {
    @Override protected Engine createEngine() { return TestDatabases.mysql(); }
}
