package org.athanor.orm;

import org.junit.jupiter.api.Nested;

/**
 * The session suite on SQLite with RETURNING switched off (keys from JDBC getGeneratedKeys, one row
 * per INSERT since SQLite's driver does not report multi-row keys), and with RETURNING declared
 * unordered (keys matched through a sentinel column, as on PostgreSQL).
 */
class SqliteKeyPathsSessionTest {
    @Nested
    class WithoutReturning extends SessionTestBase {
        @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.returning(false).updateReturning(false).deleteReturning(false)); }
    }

    @Nested
    class WithUnorderedReturning extends SessionTestBase {
        @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.returningPreservesOrder(false)); }
    }

    @Nested
    class FlushWithoutReturning extends SessionFlushTestBase {
        @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.returning(false).updateReturning(false).deleteReturning(false)); }
    }

    @Nested
    class FlushWithUnorderedReturning extends SessionFlushTestBase {
        @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.returningPreservesOrder(false)); }
    }

    @Nested
    class TransactionsWithoutReturning extends SessionTransactionTestBase {
        @Override protected TestDb openDatabase() { return TestDb.sqlite(f -> f.returning(false).updateReturning(false).deleteReturning(false)); }
    }
}
