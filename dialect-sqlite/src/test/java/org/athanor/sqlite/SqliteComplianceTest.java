package org.athanor.sqlite;

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

/** The shared compliance suite on in-memory SQLite (the jqwik parts: SqliteRoundTripProperties, SqliteIdentifierProperties). */
class SqliteComplianceTest {
    @Nested class Joins extends JoinSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    /** The error path of databases without RIGHT/FULL joins, driven by the feature flags alone. */
    @Nested class JoinsWithoutOuterJoins extends JoinSuite {
        @Override protected Engine newEngine() {
            return withFeatures(TestDatabases.sqlite(), f -> f.rightJoin(false).fullJoin(false));
        }
    }

    @Nested class Queries extends QuerySuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    /** The error path of databases without row values (tuple IN). */
    @Nested class QueriesWithoutTupleIn extends QuerySuite {
        @Override protected Engine newEngine() { return withFeatures(TestDatabases.sqlite(), f -> f.tupleIn(false)); }
    }

    @Nested class Predicates extends PredicateSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class Expressions extends ExpressionSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class KeyStrategies extends KeyStrategySuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
        @Override protected String identityKeyStrategy() { return "consecutive rowids"; }
    }

    @Nested class Dml extends DmlSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class BulkShapes extends BulkShapeSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class ExecutionListeners extends ExecutionListenerSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    /** The path of databases without RETURNING: keys through JDBC generated keys, one row at a time on SQLite. */
    @Nested class DmlWithoutReturning extends DmlSuite {
        @Override protected Engine newEngine() {
            return withFeatures(TestDatabases.sqlite(), f -> f.returning(false).updateReturning(false).deleteReturning(false));
        }
    }

    @Nested class Types extends TypeSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class Transactions extends TransactionSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class Ddl extends DdlSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class SequenceCalls extends SequenceSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class AliasCache extends AliasCacheSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class AnonymousAliases extends AnonymousAliasSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class FromLinting extends FromLintingSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class Lifecycle extends LifecycleSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class ResultCursor extends ResultCursorSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class ExpandingParameters extends ExpandingParametersSuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }

    @Nested class ValueFidelity extends ValueFidelitySuite {
        @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
    }
}
