package org.athanor.postgres;

import org.athanor.core.compliance.DdlSuite;
import org.athanor.core.compliance.SequenceSuite;
import org.athanor.core.compliance.AliasCacheSuite;
import org.athanor.core.compliance.AnonymousAliasSuite;
import org.athanor.core.compliance.FromLintingSuite;
import org.athanor.core.compliance.BulkShapeSuite;
import org.athanor.core.compliance.DmlSuite;
import org.athanor.core.compliance.KeyStrategySuite;
import org.athanor.core.compliance.ExecutionListenerSuite;
import org.athanor.core.compliance.ExpandingParametersSuite;
import org.athanor.core.compliance.ExpressionSuite;
import org.athanor.core.compliance.JoinSuite;
import org.athanor.core.compliance.LifecycleSuite;
import org.athanor.core.compliance.ResultCursorSuite;
import org.athanor.core.compliance.PredicateSuite;
import org.athanor.core.compliance.QuerySuite;
import org.athanor.core.compliance.TransactionSuite;
import org.athanor.core.compliance.TypeSuite;
import org.athanor.core.compliance.ValueFidelitySuite;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/**
 * The shared compliance suite on PostgreSQL ({@link TestDatabases#postgres()}: skipped when the server is down,
 * a failure under CI=true). The jqwik parts: PostgresRoundTripProperties, PostgresIdentifierProperties.
 */
class PostgresComplianceTest {
    @Nested class Joins extends JoinSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class Queries extends QuerySuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class Predicates extends PredicateSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class Expressions extends ExpressionSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class KeyStrategies extends KeyStrategySuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
        @Override protected String identityKeyStrategy() { return "column arrays, sorted RETURNING"; }
    }

    /** Core's own strategy on PostgreSQL: column arrays switched off, the identity keys of rows inserted in order, sorted. */
    @Nested class KeyStrategiesWithoutArrays extends KeyStrategySuite {
        @Override protected Engine newEngine() { return withFeatures(TestDatabases.postgres(), f -> f.insertFromArrays(false)); }
        @Override protected String identityKeyStrategy() { return "sorted RETURNING"; }
    }

    @Nested class Dml extends DmlSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class BulkShapes extends BulkShapeSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class ExecutionListeners extends ExecutionListenerSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class Types extends TypeSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class Transactions extends TransactionSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class Ddl extends DdlSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class SequenceCalls extends SequenceSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class AliasCache extends AliasCacheSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class AnonymousAliases extends AnonymousAliasSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class FromLinting extends FromLintingSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class Lifecycle extends LifecycleSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class ResultCursor extends ResultCursorSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class ExpandingParameters extends ExpandingParametersSuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }

    @Nested class ValueFidelity extends ValueFidelitySuite {
        @Override protected Engine newEngine() { return TestDatabases.postgres(); }
    }
}
