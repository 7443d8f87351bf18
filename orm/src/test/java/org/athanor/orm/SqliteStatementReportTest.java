package org.athanor.orm;

class SqliteStatementReportTest extends StatementReportTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
