package org.athanor.postgres;

import org.athanor.core.compliance.Fidelity;
import org.athanor.core.compliance.ValueRoundTripSuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** Issue 17's standing round-trip property on this database: every value kept, changed as documented ({@link Fidelity#POSTGRES}), or refused with a DataError. */
class PostgresValueRoundTripProperties extends ValueRoundTripSuite {
    @Override protected Engine newEngine() { return TestDatabases.postgres(); }

    @Override protected Fidelity fidelity() { return Fidelity.POSTGRES; }
}
