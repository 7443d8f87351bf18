package org.athanor.orm;

class MariaDbFlushShapesTest extends FlushShapesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
