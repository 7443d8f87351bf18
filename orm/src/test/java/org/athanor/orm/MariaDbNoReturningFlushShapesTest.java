package org.athanor.orm;

class MariaDbNoReturningFlushShapesTest extends FlushShapesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb("athanor_returning=false"); }
}
