package org.athanor.postgres;

import org.athanor.core.compliance.IdentifierSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** The compliance suite's identifier properties on PostgreSQL. */
class PostgresIdentifierProperties extends IdentifierSuite {
    @Override protected Engine newEngine() { return TestDatabases.postgres(); }
}
