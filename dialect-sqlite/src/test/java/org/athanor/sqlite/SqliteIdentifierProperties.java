package org.athanor.sqlite;

import org.athanor.core.compliance.IdentifierSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** The compliance suite's identifier properties on in-memory SQLite. */
class SqliteIdentifierProperties extends IdentifierSuite {
    @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
}
