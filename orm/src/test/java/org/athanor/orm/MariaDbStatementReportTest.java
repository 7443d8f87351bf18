package org.athanor.orm;

class MariaDbStatementReportTest extends StatementReportTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
