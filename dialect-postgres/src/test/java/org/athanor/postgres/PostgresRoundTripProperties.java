package org.athanor.postgres;

import org.athanor.core.compliance.RoundTripSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** The compliance suite's value round-trip properties on PostgreSQL. */
class PostgresRoundTripProperties extends RoundTripSuite {
    @Override protected Engine newEngine() { return TestDatabases.postgres(); }
}
