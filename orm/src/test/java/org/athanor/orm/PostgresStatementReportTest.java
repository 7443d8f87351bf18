package org.athanor.orm;

class PostgresStatementReportTest extends StatementReportTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
