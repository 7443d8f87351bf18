package org.athanor.sqlite;

import org.athanor.core.compliance.RoundTripSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** The compliance suite's value round-trip properties on in-memory SQLite. */
class SqliteRoundTripProperties extends RoundTripSuite {
    @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
}
