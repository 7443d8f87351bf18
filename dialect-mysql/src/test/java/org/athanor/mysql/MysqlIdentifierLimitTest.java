package org.athanor.mysql;

import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Engine;
import org.athanor.core.testing.IdentifierLimits;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** MySQL and MariaDB take names of up to 64 characters; longer ones are refused before they are sent. */
class MysqlIdentifierLimitTest {
    @Test
    void namesOver64CharactersAreRefused() {
        assertEquals(64, MysqlDialect.FEATURES.maxIdentifierLength());
        assertFalse(MysqlDialect.FEATURES.identifierLengthInBytes());
        try (Engine engine = TestDatabases.mysql()) {
            IdentifierLimits.check(engine, 64, false);
        }
    }
}
