package org.athanor.mysql;

import org.athanor.core.compliance.DmlSuite;
import org.athanor.core.compliance.KeyStrategySuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/**
 * MySQL 8's path, proven on the MariaDB test server: RETURNING switched off through the feature
 * flags, so generated keys (multi-row inserts included, in row order) come from getGeneratedKeys
 * and RETURNING statements are refused with a CompileError naming the database.
 */
class MysqlWithoutReturningComplianceTest {
    @Nested class KeyStrategies extends KeyStrategySuite {
        @Override protected Engine newEngine() {
            return withFeatures(TestDatabases.mysql(), f -> f.returning(false).updateReturning(false).deleteReturning(false));
        }
        @Override protected String identityKeyStrategy() { return "generated keys"; }
    }

    @Nested class Dml extends DmlSuite {
        @Override protected Engine newEngine() {
            return withFeatures(TestDatabases.mysql(), f -> f.returning(false).updateReturning(false).deleteReturning(false));
        }
    }
}
