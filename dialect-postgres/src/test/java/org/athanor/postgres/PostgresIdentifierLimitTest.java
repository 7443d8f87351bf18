package org.athanor.postgres;

import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Engine;
import org.athanor.core.testing.IdentifierLimits;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** PostgreSQL keeps 63 bytes of a name and drops the rest without an error; Athanor refuses such names. */
class PostgresIdentifierLimitTest {
    @Test
    void namesOver63BytesAreRefused() {
        assertEquals(63, PostgresDialect.FEATURES.maxIdentifierLength());
        assertTrue(PostgresDialect.FEATURES.identifierLengthInBytes());
        try (Engine engine = TestDatabases.postgres()) {
            IdentifierLimits.check(engine, 63, true);
        }
    }
}
