package org.athanor.mysql;

import org.athanor.core.compliance.IdentifierSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** The compliance suite's identifier properties on MySQL/MariaDB. */
class MysqlIdentifierProperties extends IdentifierSuite {
    @Override protected Engine newEngine() { return TestDatabases.mysql(); }
}
