package org.athanor.mysql;

import org.athanor.core.compliance.RoundTripSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** The compliance suite's value round-trip properties on MySQL/MariaDB. */
class MysqlRoundTripProperties extends RoundTripSuite {
    @Override protected Engine newEngine() { return TestDatabases.mysql(); }
}
