package org.athanor.mysql;

import org.athanor.core.engine.Engine;
import org.athanor.core.testing.SqlSurfaceSuite;
import org.athanor.core.testing.TestDatabases;

/** The shared SQL-surface suite on MariaDB/MySQL. */
class MysqlSqlSurfaceTest extends SqlSurfaceSuite {
    @Override protected Engine createEngine() { return TestDatabases.mysql(); }

    /** MariaDB ends a recursive CTE silently after max_recursive_iterations (1,000); MySQL 8 fails after cte_max_recursion_depth. */
    @Override
    protected void allowDeepRecursion(org.athanor.core.engine.Connection conn) {
        boolean maria = ((MysqlDialect) engine.dialect()).server().mariaDb();
        conn.executeSql(maria ? "SET SESSION max_recursive_iterations = 2000000" : "SET SESSION cte_max_recursion_depth = 2000000");
    }
}
