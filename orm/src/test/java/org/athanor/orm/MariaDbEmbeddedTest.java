package org.athanor.orm;

class MariaDbEmbeddedTest extends EmbeddedTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
